package hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.search.SearchDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorpusTest {

    static final long NOW = 1_750_000_000_000L;

    private static List<SearchDocument> corpus(long seed, int posts) {
        List<SearchDocument> out = new ArrayList<>();
        new Corpus(seed, posts, NOW).forEach(out::add);
        return out;
    }

    @Test
    void sameSeedGivesTheSamePosts() {
        assertEquals(corpus(3, 500), corpus(3, 500));
        assertTrue(!corpus(3, 500).equals(corpus(4, 500)));
    }

    @Test
    void looksLikeAForum() {
        List<SearchDocument> posts = corpus(1, 5_000);

        assertEquals(5_000, posts.size());
        Map<String, Long> perThread =
                posts.stream().collect(Collectors.groupingBy(SearchDocument::threadId, Collectors.counting()));
        assertTrue(perThread.values().stream().anyMatch(n -> n > 5), "threads with replies");
        assertEquals(perThread.size(), posts.stream().filter(SearchDocument::opening).count());
        Map<String, Long> perLanguage =
                posts.stream().collect(Collectors.groupingBy(p -> String.valueOf(p.language()), Collectors.counting()));
        assertTrue(perLanguage.get("en") > perLanguage.get("es"), perLanguage.toString());
        assertTrue(perLanguage.get("es") > 500, perLanguage.toString());
        assertTrue(perLanguage.containsKey("null"), "some posts have no language");
        assertTrue(posts.stream().allMatch(p -> p.createdAtMillis() <= NOW));
        assertTrue(posts.stream().anyMatch(p -> !p.origin().equals(SearchDocument.LOCAL)));
        assertEquals(5_000, posts.stream().map(SearchDocument::postId).distinct().count());
        assertTrue(posts.stream().map(SearchDocument::body).noneMatch(b -> b.contains("{")), "unfilled slot");
    }
}
