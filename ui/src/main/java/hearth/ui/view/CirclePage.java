package hearth.ui.view;

import java.util.List;

/**
 * A circle: its threads by latest activity. {@code nextPageUrl} is null on the last page;
 * {@code feedUrl} is the circle's Atom feed.
 */
public record CirclePage(Chrome chrome, String title, String description, String newThreadUrl,
                         List<ThreadRow> threads, String nextPageUrl, boolean firstPage, String feedUrl) {
    public CirclePage {
        threads = List.copyOf(threads);
    }
}
