package hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteTest {

    @Test
    void holdsTheIssuesBenchmarksInOrder() {
        assertEquals(List.of("thread-page", "circle-page", "home-page", "posting", "search", "memory", "startup",
                        "federation-inbound", "federation-fanout", "inbox-flood", "multi-process"),
                Suite.all().stream().map(Benchmark::name).toList());
    }

    @Test
    void findsABenchmarkByName() {
        assertEquals("posting", Suite.named("posting").orElseThrow().name());
        assertTrue(Suite.named("federation-nope").isEmpty());
    }

    @Test
    void aBenchmarkNameMustBeLowerCaseWords() {
        assertThrows(IllegalArgumentException.class, () -> new Benchmark("Thread page", "x", c -> { }));
    }
}
