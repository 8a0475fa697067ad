package hearth.ui.view;

import hearth.ui.text.PostHtml;
import java.util.List;

/**
 * The moderator console: her queue of held and reported posts (anyone at risk first), each with
 * its context and the actions she may take. Every form posts with {@code csrf}.
 */
public record ConsolePage(Chrome chrome, String moderatorName, boolean admin, String csrf, String heading,
                          List<Item> items, List<String> notices, List<Option> banPeriods) {
    public ConsolePage {
        items = List.copyOf(items);
        notices = List.copyOf(notices);
        banPeriods = List.copyOf(banPeriods);
    }

    /** A post to look at; {@code actions} is the base URL of its forms (/mod/posts/ID). */
    public record Item(String postId, String actions, String threadActions, String threadUrl, String postUrl,
                       String circle, String threadTitle, String pseudonym, PostHtml body, boolean opening,
                       boolean held, String removedReason, boolean locked, String created, List<Report> reports,
                       boolean atRisk, String contextPseudonym, PostHtml contextBody) {
        public Item {
            reports = List.copyOf(reports);
        }
    }

    /** An open report: why, her note, when, and which node forwarded it (empty for this node). */
    public record Report(String reason, String comment, String origin, String when) {
    }
}
