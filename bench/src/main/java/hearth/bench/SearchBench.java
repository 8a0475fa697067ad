package hearth.bench;

import hearth.search.PostIndex;
import hearth.search.SearchDocument;
import hearth.search.SearchResults;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * How fast the search index indexes and answers at forum scale.
 *
 * <p>Indexes a seeded synthetic corpus ({@link Corpus}) with a {@link PostIndex} configured for
 * English and Spanish, commits, then times a fixed seeded {@link QueryMix} (after a warm-up
 * run of a different mix of the same size), one query at a time. Prints the machine, the
 * indexing rate, index size, heap after indexing, latency percentiles, and as its last line
 * one JSON object for scripts.
 * <pre>
 * ./hearth bench search [--quick]
 * java -Xmx1g -cp bench/target/hearth-bench.jar hearth.bench.SearchBench [--posts N | --quick] [--queries N] [--seed S]
 * </pre>
 *
 * <p>A run is single-use and not thread-safe.
 */
public final class SearchBench {

    private static final List<String> LANGUAGES = List.of("en", "es");
    private static final int BATCH = 500;
    /** The targets at 1,000,000 posts. */
    static final double TARGET_WORDS_P95_MS = 10;
    static final double TARGET_PHRASE_P95_MS = 150;

    private final BenchOptions options;
    private final PrintStream out;

    SearchBench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new SearchBench(options, System.out).run();
    }

    /** The suite's entry ({@code ./hearth bench search}): this benchmark at the context's size. */
    public static void inSuite(BenchContext context) throws IOException, InterruptedException {
        String seed = Long.toString(context.seed());
        BenchOptions options = switch (context.size()) {
            case TINY -> BenchOptions.parse("--posts", "1000", "--queries", "200", "--seed", seed);
            case QUICK -> BenchOptions.parse("--quick", "--seed", seed);
            case FULL -> BenchOptions.parse("--seed", seed);
        };
        new SearchBench(options, context.out()).run();
    }

    void run() throws IOException, InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "Hearth search benchmark%n");
        out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, JDK %s %s, %s %s%n",
                runtime.availableProcessors(), runtime.maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));

        boolean temporary = options.dir() == null;
        Path dir = temporary ? Files.createTempDirectory("hearth-bench-") : options.dir();
        double indexRate;
        double heapMb;
        Latencies latencies = new Latencies();
        Map<QueryMix.Kind, Latencies> byKind = new EnumMap<>(QueryMix.Kind.class);
        for (QueryMix.Kind kind : QueryMix.Kind.values()) {
            byKind.put(kind, new Latencies());
        }
        try {
            try (PostIndex index = PostIndex.open(dir, LANGUAGES)) {
                long start = System.nanoTime();
                index(index);
                index.commit(options.posts());
                index.refreshNow();
                double seconds = (System.nanoTime() - start) / 1e9;
                indexRate = options.posts() / seconds;
                out.printf(Locale.ROOT, "indexing: %,d posts in %.1f s = %,.0f posts/s (%d threads, commit included)%n",
                        options.posts(), seconds, indexRate, options.threads());

                heapMb = heapAfterGcMb();
                out.printf(Locale.ROOT, "heap used after indexing (after GC): %.1f MB%n", heapMb);

                runQueries(index, QueryMix.of(options.seed() + 1, options.queries()), new Latencies(), null);
                QueryStats stats = runQueries(index, QueryMix.of(options.seed() + 2, options.queries()), latencies,
                        byKind);
                out.printf(Locale.ROOT, "queries: %,d timed after %,d warm-up; %.0f%% with no hits, mean total hits %,.0f%n",
                        latencies.count(), options.queries(), 100.0 * stats.empty() / latencies.count(),
                        (double) stats.totalHits() / latencies.count());
            }
            double indexMb = sizeMb(dir);
            out.printf(Locale.ROOT, "index size on disk: %.1f MB (%s)%n", indexMb, dir);
            out.printf(Locale.ROOT, "latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                    latencies.percentileMillis(50), latencies.percentileMillis(95),
                    latencies.percentileMillis(99), latencies.percentileMillis(100));
            Latencies words = byKind.get(QueryMix.Kind.WORDS_1_TO_3);
            Latencies phrases = byKind.get(QueryMix.Kind.PHRASE);
            out.printf(Locale.ROOT, "1-3 words (%,d queries): p50 %.2f  p95 %.2f  p99 %.2f ms%n", words.count(),
                    words.percentileMillis(50), words.percentileMillis(95), words.percentileMillis(99));
            out.printf(Locale.ROOT, "phrases (%,d queries): p50 %.2f  p95 %.2f  p99 %.2f ms%n", phrases.count(),
                    phrases.percentileMillis(50), phrases.percentileMillis(95), phrases.percentileMillis(99));
            out.printf(Locale.ROOT, "targets: %s  1-3 words p95 at most %.0f ms; %s  phrases p95 at most %.0f ms%n",
                    words.percentileMillis(95) <= TARGET_WORDS_P95_MS ? "met" : "NOT MET", TARGET_WORDS_P95_MS,
                    phrases.percentileMillis(95) <= TARGET_PHRASE_P95_MS ? "met" : "NOT MET", TARGET_PHRASE_P95_MS);
            out.println(json(indexRate, indexMb, heapMb, latencies, words, phrases));
        } finally {
            if (temporary) {
                deleteRecursively(dir);
            }
        }
    }

    /** Generates on this thread, indexes on {@code threads} others. */
    private void index(PostIndex index) throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        Semaphore inFlight = new Semaphore(options.threads() * 2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<SearchDocument> batch = new ArrayList<>(BATCH);
        Runnable[] flush = new Runnable[1];
        flush[0] = () -> {
            List<SearchDocument> posts = List.copyOf(batch);
            batch.clear();
            inFlight.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    for (SearchDocument post : posts) {
                        index.upsert(post);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        };
        new Corpus(options.seed(), options.posts(), System.currentTimeMillis()).forEach(post -> {
            batch.add(post);
            if (batch.size() == BATCH) {
                flush[0].run();
            }
        });
        if (!batch.isEmpty()) {
            flush[0].run();
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS) || failure.get() != null) {
            throw new IOException("indexing failed", failure.get());
        }
    }

    private record QueryStats(long empty, long totalHits) {}

    /** Times each search into {@code latencies}, and also into its kind's, when {@code byKind} is given. */
    private static QueryStats runQueries(PostIndex index, QueryMix mix, Latencies latencies,
            Map<QueryMix.Kind, Latencies> byKind) throws IOException {
        long empty = 0;
        long totalHits = 0;
        for (QueryMix.Search search : mix.queries()) {
            String cursor = null;
            for (int page = 1; page < search.page(); page++) { // untimed: reach the page to time
                String next = index.search(search.query().after(cursor)).nextCursor();
                if (next == null) {
                    break;
                }
                cursor = next;
            }
            long start = System.nanoTime();
            SearchResults results = index.search(search.query().after(cursor));
            long took = System.nanoTime() - start;
            latencies.record(took);
            if (byKind != null) {
                byKind.get(search.kind()).record(took);
            }
            empty += results.hits().isEmpty() ? 1 : 0;
            totalHits += results.totalHits();
        }
        return new QueryStats(empty, totalHits);
    }

    private String json(double indexRate, double indexMb, double heapMb, Latencies latencies, Latencies words,
            Latencies phrases) {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT,
                "{\"bench\":\"search\",\"posts\":%d,\"index_rate\":%.0f,\"index_mb\":%.1f,\"heap_mb\":%.1f,"
                        + "\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"p99_ms\":%.3f,\"words_p95_ms\":%.3f,"
                        + "\"phrase_p95_ms\":%.3f,\"meets_targets\":%b,\"queries\":%d,\"seed\":%d,"
                        + "\"cores\":%d,\"max_heap_mb\":%d,\"jdk\":\"%s\"}",
                options.posts(), indexRate, indexMb, heapMb,
                latencies.percentileMillis(50), latencies.percentileMillis(95),
                latencies.percentileMillis(99), words.percentileMillis(95), phrases.percentileMillis(95),
                words.percentileMillis(95) <= TARGET_WORDS_P95_MS && phrases.percentileMillis(95) <= TARGET_PHRASE_P95_MS,
                latencies.count(), options.seed(),
                runtime.availableProcessors(), runtime.maxMemory() >> 20,
                System.getProperty("java.runtime.version").replace("\"", ""));
    }

    private static double heapAfterGcMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static double sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // removed by a merge while we looked
                }
            }).sum();
            return bytes / (1024.0 * 1024.0);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
