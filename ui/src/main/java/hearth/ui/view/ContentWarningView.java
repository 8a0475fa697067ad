package hearth.ui.view;

/**
 * A content warning as a page shows it: {@code text} is plain text (her words, or the general
 * warning in the reader's language) shown before the folded post; {@code open} when the reader chose
 * to see this topic unfolded (it stays labelled).
 */
public record ContentWarningView(String text, boolean open) {
}
