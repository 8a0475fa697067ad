package hearth.ui.view;

import java.util.List;

/** The moderators' sign-in form; {@code askCode} adds the authenticator code field. */
public record LoginPage(Chrome chrome, String csrf, String name, boolean askCode, List<String> errors) {
    public LoginPage {
        errors = List.copyOf(errors);
    }
}
