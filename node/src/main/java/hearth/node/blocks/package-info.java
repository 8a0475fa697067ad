/**
 * Blocks: the domains and single remote actors this node limits or refuses, the in-memory view
 * every part of the node asks before it talks to another server or shows what came from one,
 * what applying a block does to content already stored, the published blocklist feed's history,
 * and Mastodon CSV import and export.
 *
 * <p>It must not know HTTP, Vert.x or how activities travel: federation and the web layer ask
 * {@link hearth.node.blocks.Blocks}; the rules for reading and signing lists live in
 * {@code hearth.federation.blocklist}. It never records who reads or reports anything.
 */
package hearth.node.blocks;
