package hearth.node.feeds;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a {@link Feed}: a thread in a circle's feed, a post in a thread's feed.
 *
 * <p>Immutable and safe to share across threads.
 *
 * @param id        the entry's permanent id
 * @param title     plain text
 * @param link      the absolute address of the page that shows it
 * @param author    the pseudonym shown on the page, or null when none is shown (the feed's
 *                  author stands in); never a key or an id
 * @param published when it was first posted
 * @param updated   when it last changed (its edit, else {@code published})
 * @param html      its words as HTML that Hearth's post formatter has already cleaned
 * @param warning   its content warning, or "" for none: a reader sees the warning before the words
 */
public record FeedEntry(URI id, String title, URI link, String author, Instant published, Instant updated,
                        String html, String warning) {

    public FeedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Feed.requireAbsolute(link, "link");
        author = author == null || author.isBlank() ? null : author;
        Objects.requireNonNull(published, "published");
        updated = updated == null ? published : updated;
        html = html == null ? "" : html;
        warning = warning == null ? "" : warning.strip();
    }

    public boolean warned() {
        return !warning.isEmpty();
    }
}
