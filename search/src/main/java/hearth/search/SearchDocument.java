package hearth.search;

import java.util.Objects;

/**
 * One post as the index sees it: the node maps each stored post onto this record and hands
 * it to {@link PostIndex#upsert(SearchDocument)}.
 *
 * <p>{@code body} must be plain text (HTML already stripped); the index escapes it again
 * when it builds snippets, so it never trusts it. {@code origin} is {@value #LOCAL} for
 * posts written on this node, otherwise the remote node's host. {@code language} is an
 * ISO 639-1 code such as {@code "en"} (a region such as {@code "en-GB"} is ignored), or
 * {@code null} when unknown: an unknown-language post is analyzed with every language the
 * index was opened with.
 *
 * <p>Immutable and therefore safe to share across threads.
 *
 * @param postId          the post's stable id; upserting the same id replaces the post
 * @param threadId        the thread the post belongs to
 * @param circle          the circle's name (as in URLs)
 * @param threadTitle     the thread's title, shown and searched with every post of the thread
 * @param body            the post's text, plain
 * @param opening         whether this is the thread's opening post
 * @param pseudonym       the author's pseudonym as shown on the page
 * @param origin          {@value #LOCAL} or the host of the node the post came from
 * @param createdAtMillis when the post was written, epoch milliseconds
 * @param language        ISO 639-1 code, or {@code null} when unknown
 */
public record SearchDocument(
        String postId,
        String threadId,
        String circle,
        String threadTitle,
        String body,
        boolean opening,
        String pseudonym,
        String origin,
        long createdAtMillis,
        String language) {

    /** The {@link #origin()} of posts written on this node. */
    public static final String LOCAL = "local";

    /** Checks that every field except {@code language} is present and ids are not blank. */
    public SearchDocument {
        requireNonBlank(postId, "postId");
        requireNonBlank(threadId, "threadId");
        requireNonBlank(circle, "circle");
        Objects.requireNonNull(threadTitle, "threadTitle");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(pseudonym, "pseudonym");
        requireNonBlank(origin, "origin");
    }

    private static void requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
