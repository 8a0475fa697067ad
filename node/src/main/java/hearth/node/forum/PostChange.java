package hearth.node.forum;

/**
 * A post as of its latest change, for the search index. {@code gone} means it must not be
 * found any more (deleted by its author, or its thread is no longer shown).
 */
public record PostChange(String postId, String threadId, String circleName, String threadTitle, boolean opening,
                         String html, String pseudonym, long createdAt, boolean gone, long sequence) {
}
