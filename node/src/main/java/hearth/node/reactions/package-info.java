/**
 * Support reactions ("sending support", "me too", "thank you") instead of votes: one of each kind
 * per woman per post, counted, never shown by whom, never federated. A reaction is stored under a
 * keyed hash of her author id and the post ({@link hearth.node.reactions.Reactors}), so the table
 * cannot be joined across posts or back to her.
 *
 * <p>It must not know HTTP, cookies or pages, nor federation: nothing here ever leaves the node.
 */
package hearth.node.reactions;
