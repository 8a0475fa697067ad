package hearth.search;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test posts with sensible defaults, and small helpers to read results. */
final class Posts {

    static final long NOW = System.currentTimeMillis();

    private String id;
    private String threadId;
    private String circle = "general";
    private String title = "A thread";
    private String body = "";
    private boolean opening = true;
    private String pseudonym = "Quiet Fern";
    private String origin = SearchDocument.LOCAL;
    private long createdAt = NOW - TimeUnit.DAYS.toMillis(1);
    private String language = "en";

    private Posts(String id) {
        this.id = id;
        this.threadId = "thread-" + id;
    }

    static Posts post(String id) {
        return new Posts(id);
    }

    Posts title(String title) {
        this.title = title;
        return this;
    }

    Posts body(String body) {
        this.body = body;
        return this;
    }

    Posts circle(String circle) {
        this.circle = circle;
        return this;
    }

    Posts thread(String threadId, boolean opening) {
        this.threadId = threadId;
        this.opening = opening;
        return this;
    }

    Posts origin(String origin) {
        this.origin = origin;
        return this;
    }

    Posts daysAgo(long days) {
        this.createdAt = NOW - TimeUnit.DAYS.toMillis(days);
        return this;
    }

    Posts createdAt(long millis) {
        this.createdAt = millis;
        return this;
    }

    Posts language(String language) {
        this.language = language;
        return this;
    }

    SearchDocument build() {
        return new SearchDocument(
                id, threadId, circle, title, body, opening, pseudonym, origin, createdAt, language);
    }

    static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::postId).toList();
    }
}
