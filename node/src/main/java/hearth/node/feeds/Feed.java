package hearth.node.feeds;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Atom feed, ready to write with {@link AtomWriter}.
 *
 * <p>All text is plain text (the writer escapes it), except each entry's HTML, which must
 * already be clean. Immutable and safe to share across threads.
 *
 * @param id        the feed's permanent id (its own address does well)
 * @param title     what a feed reader names the feed
 * @param subtitle  a sentence about it, or "" for none
 * @param language  the language tag of the titles ("en")
 * @param self      the absolute address the feed is fetched from
 * @param page      the absolute address of the page the feed follows
 * @param updated   the latest moment anything in the feed changed
 * @param author    who answers for the feed as a whole (the node's name): Atom needs an author
 *                  for every entry, and entries without one inherit this
 * @param entries   in the order they are written
 */
public record Feed(URI id, String title, String subtitle, String language, URI self, URI page, Instant updated,
                   String author, List<FeedEntry> entries) {

    public Feed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        Objects.requireNonNull(language, "language");
        requireAbsolute(self, "self");
        requireAbsolute(page, "page");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(author, "author");
        entries = List.copyOf(entries);
    }

    static void requireAbsolute(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException(what + " must be an absolute address, got: " + uri);
        }
    }
}
