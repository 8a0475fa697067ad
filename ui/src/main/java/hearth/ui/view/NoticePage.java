package hearth.ui.view;

/** A short calm message after an action (a report sent, a sign-out), with a way back. */
public record NoticePage(Chrome chrome, String heading, String message, String backUrl, String backLabel) {
}
