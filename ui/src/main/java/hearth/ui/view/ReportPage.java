package hearth.ui.view;

import java.util.List;

/** The form to report a post, anonymously: a reason and an optional note, kept as typed on errors. */
public record ReportPage(Chrome chrome, String action, String csrf, String pseudonym, String excerpt,
                         String backUrl, List<Option> reasons, String chosen, String comment, int commentMax,
                         List<String> errors) {
    public ReportPage {
        reasons = List.copyOf(reasons);
        errors = List.copyOf(errors);
    }
}
