package hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark still runs end to end, on a small corpus. */
class SearchBenchTest {

    @TempDir Path dir;

    @Test
    void smallRunEndsWithTheJsonLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path index = dir.resolve("index");
        BenchOptions options =
                BenchOptions.parse("--posts", "2000", "--queries", "300", "--seed", "7", "--dir", index.toString());

        new SearchBench(options, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();

        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        List<String> lines = output.lines().toList();
        String json = lines.getLast();
        assertTrue(json.startsWith("{\"bench\":\"search\",\"posts\":2000,\"index_rate\":"), json);
        for (String key : List.of("index_mb", "heap_mb", "p50_ms", "p95_ms", "p99_ms")) {
            assertTrue(json.matches(".*\"" + key + "\":[0-9.]+[,}].*"), key + " in " + json);
        }
        assertTrue(json.endsWith("}"), json);
        assertTrue(Files.isDirectory(index), "--dir keeps the index");
    }

    @Test
    void quickMeansTwentyThousandPosts() {
        assertEquals(20_000, BenchOptions.parse("--quick").posts());
        assertEquals(1_000_000, BenchOptions.parse().posts());
    }
}
