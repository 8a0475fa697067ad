/**
 * Federation wiring: this node's actors and keys, the durable outbox and its delivery workers,
 * the inbox and its queue, remote actors, backfill, and the ActivityPub routes.
 *
 * <p>The protocol itself (vocabulary, signatures, proofs, discovery) lives in the
 * {@code federation} library; this package connects it to the store, the forum and HTTP.
 * Page handlers never build activities: the outbox follows the store's change sequence.
 */
package hearth.node.federation;
