package hearth.ui.view;

import java.util.List;

/**
 * The form where she types her recovery phrase on another device.
 *
 * <p>{@code typed} is exactly what she typed (kept on every error). {@code browserHasKey}: this
 * browser already holds a key, so restoring would replace it. {@code confirming}: the phrase is
 * good and differs from this browser's key, so she is asked to confirm the replacement;
 * {@code currentPseudonym} and {@code restoredPseudonym} name both sides when known (else null).
 */
public record RestorePage(Chrome chrome, String csrf, String typed, List<String> errors, boolean browserHasKey,
                          boolean confirming, String currentPseudonym, String restoredPseudonym) {
    public RestorePage {
        typed = typed == null ? "" : typed;
        errors = List.copyOf(errors);
    }
}
