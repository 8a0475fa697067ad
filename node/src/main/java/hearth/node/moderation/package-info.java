/**
 * Moderation: moderator accounts and sessions, posting policies, the queue of reports and held
 * posts, removals, locks, bans and the public moderation log.
 *
 * <p>It must not know HTTP or federation: the web layer calls it with a signed-in
 * {@link hearth.node.moderation.Moderator}, and the federation layer follows the store's change
 * sequence to tell other nodes. A moderator never learns who reported, nor any other pseudonym
 * of an author she bans.
 */
package hearth.node.moderation;
