/**
 * Shared blocklists: severities, domain matching, Mastodon's domain-block CSV, Hearth's signed
 * blocklist feed, and how several sources' entries are weighed into one decision.
 *
 * <ul>
 *   <li>{@link hearth.federation.blocklist.DomainBlock}, {@link hearth.federation.blocklist.Severity}
 *       and {@link hearth.federation.blocklist.Domains}: what a block is and what it covers;</li>
 *   <li>{@link hearth.federation.blocklist.MastodonCsv}: import and export in Mastodon's format;</li>
 *   <li>{@link hearth.federation.blocklist.Feed} and {@link hearth.federation.blocklist.FeedDocument}:
 *       the feed a node publishes at {@code /blocklist.json}, signed like FEP-8b32 objects;</li>
 *   <li>{@link hearth.federation.blocklist.Consensus} and {@link hearth.federation.blocklist.Guard}:
 *       which subscribed entries may be applied without a moderator, and which must wait.</li>
 * </ul>
 *
 * <p>It must not open connections, read a clock or know the node's storage: the node fetches
 * feeds, stores entries, resolves issuers' keys and asks these rules. Input it refuses is
 * reported as {@link hearth.federation.blocklist.BlocklistFormatException} with a reason a
 * moderator can act on. Every type is immutable or stateless and thread-safe.
 */
package hearth.federation.blocklist;
