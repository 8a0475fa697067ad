package hearth.ui.view;

import java.util.List;

/** "Delete this post?" with the post's opening words, so she knows which one; {@code errors} if a try failed. */
public record DeletePage(Chrome chrome, String action, String csrf, String excerpt, boolean opening, String backUrl,
                         List<String> errors) {
    public DeletePage {
        errors = List.copyOf(errors);
    }
}
