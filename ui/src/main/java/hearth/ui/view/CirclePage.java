package hearth.ui.view;

import java.util.List;

/** A circle: its threads by latest activity. {@code nextPageUrl} is null on the last page. */
public record CirclePage(Chrome chrome, String title, String description, String newThreadUrl,
                         List<ThreadRow> threads, String nextPageUrl, boolean firstPage) {
    public CirclePage {
        threads = List.copyOf(threads);
    }
}
