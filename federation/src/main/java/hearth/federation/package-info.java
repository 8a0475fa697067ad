/**
 * Hearth's protocol, as a library: the ActivityPub vocabulary Hearth speaks,
 * HTTP and object signatures, WebFinger and NodeInfo, and the checks every
 * inbound activity must pass.
 *
 * <p>It must not know Vert.x, JDBC, the search index or the pages: when it
 * needs something from a running node (keys, remote fetches) it declares a
 * small interface that the node implements.
 */
package hearth.federation;
