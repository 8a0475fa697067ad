package hearth.ui.view;

/** A calm page for anything that went wrong; never a stack trace. */
public record ErrorPage(Chrome chrome, int status, String heading, String message) {
}
