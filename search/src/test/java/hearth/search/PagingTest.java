package hearth.search;

import static hearth.search.Posts.ids;
import static hearth.search.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {

    static final int POSTS = 253; // more than two recency windows

    @TempDir static Path dir;
    static PostIndex index;

    @BeforeAll
    static void open() throws IOException {
        index = PostIndex.open(dir, List.of("en"));
        for (int i = 0; i < POSTS; i++) {
            // Repeats and equal ages make many exact ties in score and time: the post id breaks them.
            String body = "sleep ".repeat(1 + i % 4) + "after the night feed";
            index.upsert(post("p" + i).body(body).daysAgo(i % 5).build());
        }
        index.upsert(post("other").body("nothing in common").build());
        index.refreshNow();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest
    @CsvSource({"RELEVANCE, 7", "RELEVANCE, 20", "RELEVANCE, 100", "NEWEST, 7", "NEWEST, 100"})
    void pagingReturnsEveryHitExactlyOnce(SearchQuery.Order order, int pageSize) throws IOException {
        SearchQuery query = SearchQuery.of("sleep").ordered(order).withPageSize(pageSize);
        List<String> seen = new ArrayList<>();
        List<SearchHit> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchResults page = index.search(query.after(cursor));
            assertEquals(POSTS, page.totalHits());
            seen.addAll(ids(page));
            all.addAll(page.hits());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);

        assertEquals(POSTS, seen.size(), "hits over all pages: " + seen);
        assertEquals(POSTS, new HashSet<>(seen).size(), "a hit was repeated: " + seen);
        assertEquals((POSTS + pageSize - 1) / pageSize, pages);
        if (order == SearchQuery.Order.NEWEST) {
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i - 1).createdAtMillis() >= all.get(i).createdAtMillis());
            }
        }
    }

    @Test
    void cursorIsUrlSafe() throws IOException {
        String cursor = index.search(SearchQuery.of("sleep").withPageSize(5)).nextCursor();
        assertNotNull(cursor);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
    }

    @Test
    void lastPageHasNoCursor() throws IOException {
        SearchResults all = index.search(SearchQuery.of("night feed other").withPageSize(100));
        assertEquals(0, all.hits().size());
        assertNull(all.nextCursor());
        SearchResults one = index.search(SearchQuery.of("common").withPageSize(100));
        assertEquals(List.of("other"), ids(one));
        assertNull(one.nextCursor());
    }

    @Test
    void relevancePagesFollowTheFirstPagesOrder() throws IOException {
        SearchQuery query = SearchQuery.of("sleep");
        List<String> oneBigPage = ids(index.search(query.withPageSize(100)));
        List<String> smallPages = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            SearchResults page = index.search(query.withPageSize(10).after(cursor));
            smallPages.addAll(ids(page));
            cursor = page.nextCursor();
        }
        assertEquals(oneBigPage, smallPages);
    }

    @Test
    void garbledCursorGivesTheFirstPage() throws IOException {
        SearchQuery query = SearchQuery.of("sleep").withPageSize(5);
        List<String> first = ids(index.search(query));
        String cursor = index.search(query).nextCursor();

        for (String garbled :
                List.of("", "!!!", "AAAA", "%%%%", cursor.substring(1), cursor + "AA", "x".repeat(5000))) {
            assertEquals(first, ids(index.search(query.after(garbled))), garbled);
        }
    }

    @Test
    void cursorOfAnotherQueryGivesTheFirstPage() throws IOException {
        String cursor = index.search(SearchQuery.of("sleep").withPageSize(5)).nextCursor();
        SearchQuery other = SearchQuery.of("night").withPageSize(5);

        assertEquals(ids(index.search(other)), ids(index.search(other.after(cursor))));
    }
}
