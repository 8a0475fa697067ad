package hearth.search;

import static hearth.search.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever she types, search answers with results or an empty page, never an exception. */
class HostileQueryTest {

    @TempDir static Path dir;
    static PostIndex index;

    @BeforeAll
    static void open() throws IOException {
        index = PostIndex.open(dir, List.of("en", "es"));
        index.upsert(post("p1").title("Can't sleep").body("I can't sleep (at all) *:* AND OR NOT").build());
        index.upsert(post("p2").title("No puedo dormir").body("no puedo dormir, ¿y tú?").language("es").build());
        index.upsert(post("p3").title("שלום").body("אני לא יכולה לישון 😢 لا أستطيع النوم").language(null).build());
        index.refreshNow();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static Stream<String> hostile() {
        Random random = new Random(20240601L);
        String randomChars =
                random.ints(10_000, 0, 0x3000).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
        String manyWords = IntStream.range(0, 2_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        return Stream.of(
                "",
                " \t\n ",
                "\"",
                "\"\"\"",
                "\"unterminated phrase",
                "\"can't sleep\"",
                "*:*",
                "*",
                "a*",
                "?",
                "title_en:sleep",
                "field:value",
                "((((",
                "))))",
                "(sleep",
                "sleep)",
                "((sleep | dormir) -",
                "AND OR NOT",
                "sleep AND OR NOT dormir",
                "+",
                "-",
                "-sleep",
                "|",
                "sleep |",
                "~",
                "sleep~2",
                "\"sleep\"~3",
                "\\",
                "sleep\\",
                "[sleep TO dormir]",
                "{}[]^~",
                "/regex.*/",
                "sleep ".repeat(2_000),
                "x".repeat(10_000),
                randomChars,
                manyWords,
                "\u0000",
                "sleep\u0000dormir",
                "\u0001\u0007\u001b[31m\u007f\u0085",
                "\r\n\r\n",
                "😀😢🤱",
                "😢".repeat(5_000),
                "a".repeat(499) + "😢",
                "\uD800",
                "\uDC00sleep",
                "\uFFFF\uFFFE",
                "\u202Esleep\u202C",
                "\u200F\u200E\u2066",
                "لا أستطيع النوم",
                "אני לא יכולה לישון",
                "!!!???...,,,;;;",
                "—–-_=+<>/@#$%^&()",
                "the and of a",
                "el la de que y",
                "<script>alert(1)</script>",
                "'; DROP TABLE posts; --",
                "%00%0a%0d",
                "sleep & dormir");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void answersWithoutException(String text) throws IOException {
        for (SearchQuery.Order order : SearchQuery.Order.values()) {
            SearchQuery query = SearchQuery.of(text).ordered(order);
            assertPage(index.search(query));
            assertPage(index.search(query.inCircle("general").localOnly(true).withPageSize(1)));
            assertPage(index.search(query.after("not-a-cursor")));
        }
    }

    @Test
    void aReasonableQueryStillFindsPosts() throws IOException {
        assertEquals(List.of("p1"), Posts.ids(index.search(SearchQuery.of("\"can't sleep\""))));
        assertEquals(List.of("p2"), Posts.ids(index.search(SearchQuery.of("no puedo dormir"))));
        assertEquals(List.of("p3"), Posts.ids(index.search(SearchQuery.of("לישון"))));
    }

    @Test
    void emptyOrPunctuationOnlyTextGivesAnEmptyPage() throws IOException {
        assertEquals(SearchResults.empty(), index.search(SearchQuery.of("")));
        assertEquals(SearchResults.empty(), index.search(SearchQuery.of("!!! ...")));
    }

    private static void assertPage(SearchResults results) {
        assertNotNull(results);
        assertTrue(results.hits().size() <= SearchQuery.DEFAULT_PAGE_SIZE);
        assertTrue(results.totalHits() >= results.hits().size());
    }
}
