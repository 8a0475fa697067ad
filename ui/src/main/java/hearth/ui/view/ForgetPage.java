package hearth.ui.view;

import java.util.List;

/**
 * "Forget me", before she confirms: exactly what will happen, with her real numbers.
 *
 * @param knownBrowser  false when this browser holds no key (there is nothing to forget)
 * @param posts         her posts that will be deleted
 * @param threads       how many of them open threads she started
 * @param othersReplies replies other women wrote in those threads, which stay
 */
public record ForgetPage(Chrome chrome, String csrf, boolean knownBrowser, int posts, int threads,
                         int othersReplies, List<String> errors) {
    public ForgetPage {
        errors = List.copyOf(errors);
    }
}
