package hearth.ui.view;

/** A page holding only a compose form: a new thread, or an edit. */
public record ComposePage(Chrome chrome, String heading, String backUrl, String backLabel, ComposeForm form) {
}
