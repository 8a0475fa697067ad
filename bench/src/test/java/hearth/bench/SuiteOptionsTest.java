package hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteOptionsTest {

    @Test
    void noArgumentsMeansEveryBenchmarkAtFullSize() {
        SuiteOptions options = SuiteOptions.parse();
        assertEquals(List.of(), options.names());
        assertEquals(Size.FULL, options.size());
        assertEquals(16, options.connections());
        assertEquals(Duration.ofSeconds(20), options.measure());
    }

    @Test
    void namesAndQuickCanComeInAnyOrder() {
        SuiteOptions options = SuiteOptions.parse("--quick", "thread-page", "posting");
        assertEquals(List.of("thread-page", "posting"), options.names());
        assertEquals(Size.QUICK, options.size());
        assertEquals(Duration.ofSeconds(5), options.measure());
    }

    @Test
    void secondsOverrideTheMeasuredPhase() {
        assertEquals(Duration.ofMillis(2500), SuiteOptions.parse("--seconds", "2.5").measure());
    }

    @Test
    void rejectsAnUnknownOption() {
        var e = assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--fast"));
        assertTrue(e.getMessage().contains("--fast"), e.getMessage());
    }

    @Test
    void rejectsAnOptionWithoutItsValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--connections"));
        assertTrue(e.getMessage().contains("missing value"), e.getMessage());
    }

    @Test
    void rejectsZeroConnections() {
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse("--connections", "0"));
    }

    @Test
    void aGivenNodeJarThatIsMissingIsReported() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse("--node-jar", "/nowhere/hearth-node.jar").resolveNodeJar(null));
        assertTrue(e.getMessage().contains("/nowhere/hearth-node.jar"), e.getMessage());
    }

    @Test
    void anUnknownBenchmarkNameIsRefusedWithTheList() {
        Bench bench = new Bench(SuiteOptions.parse("thread-pages"), System.out);
        var e = assertThrows(IllegalArgumentException.class, bench::run);
        assertTrue(e.getMessage().contains("thread-page,"), e.getMessage());
    }
}
