/**
 * The objects Hearth exchanges: posts ({@link hearth.federation.object.Page} for a thread,
 * {@link hearth.federation.object.Note} for a reply), tombstones, and actor documents.
 *
 * <p>One file per kind. Reading is lenient where the fediverse varies (a value or a list, an id
 * or an embedded object) and strict where safety needs it (ids are absolute http(s) URIs).
 * Text read from peers is untrusted: the node cleans HTML before showing it.
 */
package hearth.federation.object;
