package hearth.ui.view;

import java.util.Objects;

/**
 * The search page when she has searched too often in a short time: her words and filters kept in
 * the form ({@code search}, with no results), and {@code notice}, already in her language, saying
 * how long to wait.
 */
public record PausedSearchPage(SearchPage search, String notice) {
    public PausedSearchPage {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(notice, "notice");
    }
}
