package hearth.bench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedIdsTest {

    @Test
    void looksLikeTheNodesIdsAndSortsByTime() {
        SeedIds ids = new SeedIds(2);
        List<String> made = new ArrayList<>();
        for (long t = 1_700_000_000_000L; t < 1_700_000_000_000L + 5_000; t += 10) {
            made.add(ids.next(t));
        }
        for (String id : made) {
            assertTrue(id.matches("[0-9A-HJKMNP-TV-Z]{26}"), id);
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted);
    }

    @Test
    void idsInTheSameMillisecondDifferByCounterAndBySalt() {
        SeedIds posts = new SeedIds(2);
        SeedIds threads = new SeedIds(1);
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(posts.next(42)));
            assertTrue(seen.add(threads.next(42)));
        }
    }
}
