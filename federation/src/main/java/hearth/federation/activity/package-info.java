/**
 * The activities Hearth speaks, one file each; {@link hearth.federation.activity.Activity} lists
 * them all. Families: following (Follow, Accept, Reject, Undo), content (Create, Update, Delete),
 * the circle's relay (Announce), reactions (Like, counted only), moderation (Flag, Lock).
 *
 * <p>Reading checks shape only. Whether an activity may be trusted (signature, origin, replay)
 * is decided by the inbox rules and the node, never here.
 */
package hearth.federation.activity;
