package hearth.node.forum;

/**
 * A thread's opening post or a reply, as stored.
 *
 * <p>{@code authorId} is here only so the forum can tell whether the reader wrote it;
 * it must never reach a page. A deleted post has empty {@code source} and {@code html}. A held
 * post waits for a moderator; a post removed by moderators keeps its words (for a restore) and
 * carries the reason readers see instead. {@code expiresAt} is when it disappears by itself, or null
 * if it stays until she deletes it. {@code contentWarning} is null for none (see {@link ContentWarning}).
 */
public record Post(String id, String threadId, String circleName, String pseudonym, String authorId,
                   boolean opening, String source, String html, long createdAt, Long editedAt, Long deletedAt,
                   boolean held, String removedReason, Long expiresAt, String contentWarning) {

    public boolean removed() {
        return removedReason != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean edited() {
        return editedAt != null;
    }
}
