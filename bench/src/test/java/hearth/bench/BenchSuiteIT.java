package hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every benchmark of the suite still runs, on its tiny size, against the node jar this build
 * just packaged: it ends with one JSON line naming it, with positive figures and no errors.
 * A benchmark added to {@link Suite} is run here without further ado.
 */
class BenchSuiteIT {

    /** Figures that must be positive, for the benchmarks known when this was written. */
    private static final Map<String, List<String>> POSITIVE = Map.of(
            "thread-page", List.of("rps", "p50_ms", "p99_ms", "ceiling_ratio", "ceiling_rps", "page_bytes"),
            "circle-page", List.of("rps", "p50_ms", "p99_ms", "ceiling_ratio", "ceiling_rps", "page_bytes"),
            "home-page", List.of("rps", "p50_ms", "p99_ms", "ceiling_ratio", "ceiling_rps", "page_bytes"),
            "posting", List.of("posts_per_s", "p50_ms", "p99_ms", "acknowledged", "stored"),
            "search", List.of("index_rate", "index_mb", "p50_ms", "p95_ms"),
            "memory", List.of("idle_rss_mb", "posts", "seeded_idle_rss_mb", "load_rss_mb", "load_rps"),
            "startup", List.of("median_ms", "first_ms", "runs"),
            "inbox-flood", List.of("p50_ms", "p99_ms", "flood_p50_ms", "flood_p99_ms", "flood_limited", "flood_rps"),
            "multi-process", List.of("sqlite_1_rps", "sqlite_1_p99_ms", "postgres_1_rps", "postgres_1_p99_ms",
                    "postgres_2_rps"));

    @TempDir Path work;

    static Stream<String> benchmarks() {
        return Suite.all().stream().map(Benchmark::name);
    }

    @ParameterizedTest
    @MethodSource("benchmarks")
    void runsOnATinySizeAndEndsWithItsFigures(String name) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SuiteOptions options = SuiteOptions.parse(name, "--tiny", "--connections", "4", "--work", work.toString());

        int failed = new Bench(options, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();

        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        assertEquals(0, failed, name + " failed");
        List<String> lines = output.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("machine: ")), "prints the machine");
        JsonNode json = new ObjectMapper().readTree(lines.getLast());
        assertEquals(name, json.get("bench").asText());
        List<String> notPositive = new ArrayList<>();
        for (String key : POSITIVE.getOrDefault(name, List.of())) {
            JsonNode value = json.get(key);
            if (value == null || !value.isNumber() || !(value.asDouble() > 0)) {
                notPositive.add(key + "=" + value);
            }
        }
        assertTrue(notPositive.isEmpty(), "figures not positive: " + notPositive + " in " + json);
        assertTrue(json.properties().stream().anyMatch(e -> e.getValue().isNumber() && e.getValue().asDouble() > 0),
                "some figure is positive: " + json);
        if (json.has("errors")) {
            assertEquals(0, json.get("errors").asLong(), "errors in " + json);
        }
    }
}
