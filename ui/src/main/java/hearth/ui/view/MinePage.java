package hearth.ui.view;

import java.util.List;

/** Her posts from this browser. {@code knownBrowser} is false when this browser has never posted here. */
public record MinePage(Chrome chrome, boolean knownBrowser, List<MyPostRow> posts) {
    public MinePage {
        posts = List.copyOf(posts);
    }
}
