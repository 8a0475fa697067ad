package hearth.ui.view;

/** "Delete this post?" with the post's opening words, so she knows which one. */
public record DeletePage(Chrome chrome, String action, String csrf, String excerpt, boolean opening, String backUrl) {
}
