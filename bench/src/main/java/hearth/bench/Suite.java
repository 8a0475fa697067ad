package hearth.bench;

import hearth.bench.federation.FanoutBench;
import hearth.bench.federation.InboxFloodBench;
import hearth.bench.federation.InboundBench;
import hearth.bench.node.MemoryBench;
import hearth.bench.node.MultiProcessBench;
import hearth.bench.node.PageBench;
import hearth.bench.node.PostingBench;
import hearth.bench.node.StartupBench;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every benchmark of {@code ./hearth bench}, in the order {@code ./hearth bench} (no name)
 * runs them. Adding a benchmark is one line here; the build's smoke test
 * ({@code BenchSuiteIT}) then runs it on a tiny size too.
 */
public final class Suite {

    private static final List<Benchmark> ALL = List.of(
            new Benchmark("thread-page", "a thread with 50 replies, read by a load generator; ceiling: the same bytes from memory",
                    PageBench::threadPage),
            new Benchmark("circle-page", "a circle's first page of 200 threads, the same way", PageBench::circlePage),
            new Benchmark("home-page", "the home page over 200 threads in the circles, the same way", PageBench::homePage),
            new Benchmark("posting", "durable anonymous posts through the forms, as browsers send them",
                    PostingBench::run),
            new Benchmark("search", "the search index: indexing rate and query latency at forum scale",
                    SearchBench::inSuite),
            new Benchmark("memory", "resident memory of an idle node and under thread-page load with 1,000,000 posts",
                    MemoryBench::run),
            new Benchmark("startup", "from launching the built node to /healthz answering 200", StartupBench::run),
            new Benchmark("federation-inbound", "signed activities verified, committed and accepted by the inbox per second",
                    InboundBench::run),
            new Benchmark("federation-fanout", "one new thread delivered to 1,000 follower inboxes on 50 hosts",
                    FanoutBench::run),
            new Benchmark("inbox-flood", "thread-page latency while one server floods the inbox, and without",
                    InboxFloodBench::run),
            new Benchmark("multi-process", "the thread page from 1, 2 and 3 processes on PostgreSQL (1 and 2 at the tiny size) and 1 on SQLite",
                    MultiProcessBench::run));

    private static final Map<String, Benchmark> BY_NAME = index(ALL);

    private Suite() {
    }

    public static List<Benchmark> all() {
        return ALL;
    }

    public static Optional<Benchmark> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, Benchmark> index(List<Benchmark> benchmarks) {
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        for (Benchmark benchmark : benchmarks) {
            if (byName.put(benchmark.name(), benchmark) != null) {
                throw new IllegalStateException("two benchmarks named " + benchmark.name());
            }
        }
        return Map.copyOf(byName);
    }
}
