package hearth.ui.view;

import java.util.List;

/**
 * The reader's preferences, kept in her browser only: for each of the node's content-warning
 * topics, whether posts warned with it stay folded. {@code saved} after she saved them;
 * {@code expired} when her form was refused (too old, or sent from another site).
 */
public record PreferencesPage(Chrome chrome, String action, String csrf, List<Topic> topics, boolean saved,
                              boolean expired) {
    public PreferencesPage {
        topics = List.copyOf(topics);
    }

    /** A topic and whether posts warned with it stay folded ("always collapse"). */
    public record Topic(String name, boolean collapse) {
    }
}
