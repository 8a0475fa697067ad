/**
 * Finding actors and nodes: fediverse handles ({@code @name@host}), WebFinger (RFC 7033)
 * documents and lookups, and NodeInfo 2.1.
 *
 * <p>It builds and reads documents only: it must not fetch anything, nor know how the node
 * serves HTTP or stores actors. The node fetches the URLs built here (after the checks in
 * {@code hearth.federation.net}) and serves the documents. Every type is immutable or stateless
 * and thread-safe.
 */
package hearth.federation.discovery;
