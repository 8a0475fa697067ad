package hearth.ui.view;

import java.util.List;

/**
 * Turning on the authenticator-app second factor: the secret (as text and as an otpauth URI) and
 * a field for the first code. {@code enabled} once it is on.
 */
public record SecondFactorPage(Chrome chrome, String csrf, boolean enabled, String secret, String uri,
                               List<String> errors) {
    public SecondFactorPage {
        errors = List.copyOf(errors);
    }
}
