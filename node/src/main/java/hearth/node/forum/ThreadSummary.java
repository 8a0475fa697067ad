package hearth.node.forum;

/** One line of a circle's thread list. {@code title} is empty when its author deleted the opening post. */
public record ThreadSummary(String id, String circleName, String title, String pseudonym, int replyCount,
                            long createdAt, long lastActivityAt) {
}
