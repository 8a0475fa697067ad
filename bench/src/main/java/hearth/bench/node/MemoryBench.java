package hearth.bench.node;

import hearth.bench.BenchContext;
import hearth.bench.JsonLine;
import hearth.bench.Machine;
import hearth.bench.http.HttpResponse;
import hearth.bench.http.Requests;
import hearth.bench.load.LoadGenerator;
import hearth.bench.load.LoadResult;
import hearth.bench.load.RequestScript;
import hearth.bench.process.NodeProcess;
import hearth.bench.process.Processes;
import hearth.bench.seed.SqliteSeeder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory: the resident set (VmRSS in {@code /proc/PID/status}) of the node process, idle
 * after start on an empty forum, idle after start with 1,000,000 posts stored, and at its
 * peak under thread-page load on that forum.
 *
 * <p>Posts go straight into the stopped node's SQLite file ({@link SqliteSeeder}), then the
 * node's own {@code reindex} builds the search index, so the node starts as it would on a
 * forum that grew to that size. Entry point: the suite's {@code memory}.
 */
public final class MemoryBench {

    static final double TARGET_IDLE_MB = 256;
    static final double TARGET_LOADED_MB = 512;
    static final int TARGET_POSTS = 1_000_000;

    private MemoryBench() {
    }

    public static void run(BenchContext context) throws Exception {
        context.say("%s", Machine.describe());
        Processes processes = context.processes();
        int posts = context.size().pick(1_000, 10_000, TARGET_POSTS);
        Duration settle = context.size().pick(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5));
        Path data = processes.folder("data");
        context.say("node JVM options: %s", PageBench.describe(processes.javaOptions()));

        NodeProcess empty = processes.startNode(data);
        empty.awaitHealthy(Duration.ofMinutes(2));
        Thread.sleep(settle.toMillis());
        double idleMb = empty.rssKb() / 1024.0;
        empty.stop();
        context.say("idle, empty forum, %.0f s after start: %.1f MB", settle.toMillis() / 1000.0, idleMb);

        SqliteSeeder.Result seeded = SqliteSeeder.seed(data.resolve("hearth.db"), posts, 50, context.seed());
        context.say("seeded straight into SQLite: %,d posts in %,d threads by %,d authors in %.1f s (%,.0f posts/s);"
                        + " HTML from the node's PostFormatter, change sequence moved past them",
                seeded.posts(), seeded.threads(), seeded.authors(), seeded.seconds(), seeded.posts() / seeded.seconds());
        long reindexStart = System.nanoTime();
        processes.runNode(Duration.ofHours(2), "reindex", "--data", data.toString());
        double reindexSeconds = (System.nanoTime() - reindexStart) / 1e9;
        context.say("search index built by `hearth reindex` in %.1f s", reindexSeconds);

        NodeProcess node = processes.startNode(data);
        Duration startup = node.awaitHealthy(Duration.ofMinutes(10));
        Thread.sleep(settle.toMillis());
        double seededIdleMb = node.rssKb() / 1024.0;
        context.say("idle, %,d posts, started in %.1f s: %.1f MB", seeded.posts(), startup.toMillis() / 1000.0,
                seededIdleMb);

        HttpResponse page = PageBench.fetch(node.port(), node.host(), seeded.targetThread());
        List<RequestScript> scripts = new ArrayList<>();
        byte[] request = Requests.get(node.host(), seeded.targetThread(), null);
        for (int i = 0; i < context.connections(); i++) {
            scripts.add(RequestScript.repeat(request, 200));
        }
        AtomicLong peakKb = new AtomicLong(node.rssKb());
        Thread sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peakKb.accumulateAndGet(node.rssKb(), Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (IllegalStateException gone) {
                    return;
                }
            }
        });
        LoadResult loaded;
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", node.port(), scripts)) {
            if (!context.warmup().isZero()) {
                load.closedLoop(context.warmup());
            }
            loaded = load.closedLoop(context.measure());
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        double loadMb = Math.max(peakKb.get(), node.rssKb()) / 1024.0;
        double afterMb = node.rssKb() / 1024.0;
        node.stop();
        context.say("thread-page load (GET %s, %,d bytes, %d connections, %.1f s after %.1f s warm-up): %s",
                seeded.targetThread(), page.body().length, context.connections(), loaded.seconds(),
                context.warmup().toMillis() / 1000.0, loaded.summary("pages/s"));
        context.say("under load, %,d posts: peak %.1f MB, %.1f MB at the end", seeded.posts(), loadMb, afterMb);

        Targets check = new Targets()
                .atMost("idle RSS", idleMb, TARGET_IDLE_MB, " MB")
                .atMost("RSS under load", loadMb, TARGET_LOADED_MB, " MB");
        check.print(context, posts == TARGET_POSTS ? "" : "the load target is for 1,000,000 posts; this run has "
                + String.format("%,d", posts));
        JsonLine json = new JsonLine("memory")
                .put("idle_rss_mb", idleMb, 1)
                .put("posts", seeded.posts())
                .put("seeded_idle_rss_mb", seededIdleMb, 1)
                .put("load_rss_mb", loadMb, 1)
                .put("load_rps", Math.round(loaded.rate()))
                .put("seeded", "sqlite-direct+reindex")
                .put("seed_s", seeded.seconds(), 1)
                .put("reindex_s", reindexSeconds, 1)
                .put("errors", loaded.errors());
        if (posts == TARGET_POSTS) {
            json.put("meets_targets", check.met());
        }
        context.out().println(json.finish(context.size()));
    }
}
