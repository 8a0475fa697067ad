package hearth.search;

/**
 * One post that matched, ready to show.
 *
 * <p>{@code titleHtml} and {@code snippetHtml} are safe HTML: all of the post's text is
 * HTML-escaped (and bidi override characters removed) before the only markup the index adds,
 * {@code <mark>} around the words that matched, so a page may output them without further
 * escaping. Every other field is plain text and must be escaped by the page as usual.
 *
 * <p>Immutable and therefore safe to share across threads.
 *
 * @param postId          the post's id
 * @param threadId        its thread's id
 * @param circle          its circle's name
 * @param titleHtml       the thread title, safe HTML with {@code <mark>} around matches
 * @param snippetHtml     the best passage of the body (about 200 characters), safe HTML with
 *                        {@code <mark>} around matches; the beginning of the body when only
 *                        the title matched
 * @param pseudonym       the author's pseudonym, plain text
 * @param opening         whether it is the thread's opening post
 * @param createdAtMillis when it was written, epoch milliseconds
 * @param origin          {@value SearchDocument#LOCAL} or the host of the node it came from
 */
public record SearchHit(
        String postId,
        String threadId,
        String circle,
        String titleHtml,
        String snippetHtml,
        String pseudonym,
        boolean opening,
        long createdAtMillis,
        String origin) {}
