package hearth.ui.view;

import java.util.List;

/**
 * A form for writing a thread, a reply, or an edit, with what she typed and any problems.
 *
 * <p>{@code usualPseudonym} is null until she has posted; {@code oneOffPseudonym} is the
 * thread-only name she already uses here, if any. {@code pseudonymChoice} is "usual" or "one-off".
 * {@code expiry} offers how long a new post stays; null on an edit form (editing keeps the expiry).
 * {@code contentWarning} is the optional warning field, with the node's suggested topics.
 */
public record ComposeForm(String action, String csrf, boolean withTitle, String title, String body,
                          boolean showPseudonymChoice, String pseudonymChoice, String usualPseudonym,
                          String oneOffPseudonym, List<String> errors, String submitLabel, int titleMax, int bodyMax,
                          ExpiryChoice expiry, ContentWarningField contentWarning) {
    public ComposeForm {
        errors = List.copyOf(errors);
    }

    public boolean oneOff() {
        return "one-off".equals(pseudonymChoice);
    }
}
