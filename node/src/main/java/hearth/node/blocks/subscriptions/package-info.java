/**
 * Blocklist subscriptions: other nodes' signed blocklist feeds and plain Mastodon CSV lists this
 * node follows, each with a trust weight; their entries are weighed with the blocklist library's
 * {@code Consensus}, and what enough trusted sources agree on is applied, while everything else
 * (and whatever a guard stops) waits in a review queue for a moderator.
 *
 * <p>It applies and lifts blocks only through {@link hearth.node.blocks.Blocks} and never touches a
 * block a moderator made or changed by hand. It fetches only through the node's SSRF-safe
 * {@code Outbound} (via {@link hearth.node.blocks.subscriptions.Download}) and
 * {@code RemoteActors}. It must not know HTTP routes, pages or the inbox.
 */
package hearth.node.blocks.subscriptions;
