package hearth.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks which posts match against a brute-force scan of a random corpus.
 *
 * <p>The seed is printed; re-run a failure with {@code -Dtests.seed=<seed>}.
 */
class RandomizedOracleTest {

    /** Words that every reading keeps as they are: no stemming, no stop words. */
    static final List<String> WORDS =
            List.of("kapor", "tulim", "wexan", "brindol", "zumak", "fendrik", "morvat", "plinsk",
                    "quorbat", "dravin", "selkat", "trunov");
    static final List<String> CIRCLES = List.of("pregnancy", "loss", "sleep");
    static final List<String> LANGUAGES = Arrays.asList("en", "es", null, "fr");

    static long seed;

    @TempDir Path dir;

    @BeforeAll
    static void seed() {
        String property = System.getProperty("tests.seed");
        seed = property != null ? Long.parseLong(property) : new Random().nextLong();
        System.out.println("RandomizedOracleTest seed=" + seed + " (re-run with -Dtests.seed=" + seed + ")");
    }

    @Test
    void vocabularyIsUnchangedByEveryReading() throws IOException {
        try (Languages languages = Languages.of(List.of("en", "es"))) {
            for (String key : languages.keys()) {
                for (String word : WORDS) {
                    assertEquals(List.of(word), analyze(languages, key, word), key + " changes " + word);
                }
            }
        }
    }

    @Test
    void matchingPostsEqualABruteForceScan() throws IOException {
        Random random = new Random(seed);
        Map<String, SearchDocument> corpus = new HashMap<>();
        try (PostIndex index = PostIndex.open(dir, List.of("en", "es"))) {
            for (int i = 0; i < 600; i++) {
                put(index, corpus, randomPost("p" + i, random));
            }
            for (int i = 0; i < 80; i++) { // edits and removals
                String id = "p" + random.nextInt(600);
                if (random.nextBoolean()) {
                    put(index, corpus, randomPost(id, random));
                } else {
                    index.delete(id);
                    corpus.remove(id);
                }
            }
            index.refreshNow();

            for (String word : WORDS) {
                check(index, corpus, word, words(word), random);
            }
            for (int i = 0; i < 60; i++) {
                String a = pick(WORDS, random);
                String b = pick(WORDS, random);
                check(index, corpus, a + " " + b, words(a, b), random);
                check(index, corpus, a + " | " + b, words(a).or(words(b)), random);
                check(index, corpus, a + " -" + b, words(a).and(words(b).negate()), random);
            }
        }
    }

    private void check(
            PostIndex index, Map<String, SearchDocument> corpus, String text,
            Predicate<SearchDocument> matches, Random random) throws IOException {
        String circle = random.nextInt(3) == 0 ? pick(CIRCLES, random) : null;
        boolean localOnly = random.nextInt(4) == 0;
        SearchQuery.Order order = pick(List.of(SearchQuery.Order.values()), random);
        Set<String> expected = new TreeSet<>();
        for (SearchDocument post : corpus.values()) {
            boolean filtered = (circle == null || circle.equals(post.circle()))
                    && (!localOnly || SearchDocument.LOCAL.equals(post.origin()));
            if (filtered && matches.test(post)) {
                expected.add(post.postId());
            }
        }

        SearchQuery query = new SearchQuery(text, circle, localOnly, order, null, 1 + random.nextInt(40));
        List<String> found = new ArrayList<>();
        long total = -1;
        for (String cursor = null; ; ) {
            SearchResults page = index.search(query.after(cursor));
            total = page.totalHits();
            found.addAll(Posts.ids(page));
            cursor = page.nextCursor();
            if (cursor == null || found.size() > corpus.size()) {
                break;
            }
        }
        String where = "seed=" + seed + " query=" + query;
        assertEquals(expected, new TreeSet<>(found), where);
        assertEquals(expected.size(), found.size(), "a hit was repeated; " + where);
        assertEquals(expected.size(), total, "total hits; " + where);
    }

    /** A post is found by its body, and an opening post also by its thread's title. */
    private static Predicate<SearchDocument> words(String... words) {
        return post -> {
            Set<String> tokens = new HashSet<>(Arrays.asList(post.body().split(" ")));
            if (post.opening()) {
                tokens.addAll(Arrays.asList(post.threadTitle().split(" ")));
            }
            return tokens.containsAll(Arrays.asList(words));
        };
    }

    private static SearchDocument randomPost(String id, Random random) {
        return new SearchDocument(
                id,
                "t" + random.nextInt(50),
                pick(CIRCLES, random),
                sentence(1 + random.nextInt(3), random),
                sentence(random.nextInt(9), random),
                random.nextBoolean(),
                "Pseudonym",
                random.nextInt(3) == 0 ? "remote.example" : SearchDocument.LOCAL,
                Posts.NOW - random.nextInt(1_000_000_000),
                pick(LANGUAGES, random));
    }

    private static String sentence(int words, Random random) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            // Skewed towards the first words, like real text: some common, some rare.
            out.add(WORDS.get(Math.min(random.nextInt(WORDS.size()), random.nextInt(WORDS.size()))));
        }
        return String.join(" ", out);
    }

    private static void put(PostIndex index, Map<String, SearchDocument> corpus, SearchDocument post)
            throws IOException {
        index.upsert(post);
        corpus.put(post.postId(), post);
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static List<String> analyze(Languages languages, String key, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = languages.analyzer(key).tokenStream(PostFields.text(key), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
