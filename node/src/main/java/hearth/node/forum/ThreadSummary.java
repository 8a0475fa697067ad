package hearth.node.forum;

/**
 * One line of a circle's thread list. {@code title} and {@code pseudonym} are empty when its author
 * deleted the opening post: her name must not stay attached to a thread she erased.
 * {@code contentWarning} is the opening post's (null for none), shown before the title.
 */
public record ThreadSummary(String id, String circleName, String title, String pseudonym, int replyCount,
                            long createdAt, long lastActivityAt, String contentWarning) {
}
