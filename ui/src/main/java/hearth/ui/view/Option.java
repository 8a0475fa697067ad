package hearth.ui.view;

/** One choice in a select or radio group. */
public record Option(String value, String label) {
}
