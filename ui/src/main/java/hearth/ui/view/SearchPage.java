package hearth.ui.view;

import java.util.List;
import java.util.Map;

/**
 * The search page: her query as she typed it, the filters, and the results.
 *
 * @param circles     circle name to title, in the node's order, for the circle filter
 * @param circle      the chosen circle's name, or null for all
 * @param nextPageUrl null on the last page
 */
public record SearchPage(Chrome chrome, String query, String circle, Map<String, String> circles, boolean newest,
                         boolean localOnly, List<SearchResultRow> results, long totalHits, String nextPageUrl,
                         boolean laterPage) {
    public SearchPage {
        circles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(circles));
        results = List.copyOf(results);
    }

    public boolean searched() {
        return !query.isBlank();
    }
}
