package hearth.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void ofGivesAFirstPageByRelevanceEverywhere() {
        assertEquals(
                new SearchQuery("sleep", null, false, SearchQuery.Order.RELEVANCE, null, 20),
                SearchQuery.of("sleep"));
    }

    @Test
    void pageSizeMustBeReasonable() {
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.of("x").withPageSize(0));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.of("x").withPageSize(101));
        assertEquals(100, SearchQuery.of("x").withPageSize(100).pageSize());
    }

    @Test
    void textAndOrderAreRequired() {
        assertThrows(NullPointerException.class, () -> SearchQuery.of(null));
        assertThrows(NullPointerException.class, () -> SearchQuery.of("x").ordered(null));
    }

    @Test
    void documentNeedsItsIds() {
        assertThrows(IllegalArgumentException.class, () -> Posts.post(" ").build());
        assertThrows(NullPointerException.class, () -> Posts.post("p").origin(null).build());
    }
}
