package hearth.bench.node;

import hearth.bench.BenchContext;
import hearth.bench.JsonLine;
import hearth.bench.Machine;
import hearth.bench.http.HttpConnection;
import hearth.bench.http.HttpResponse;
import hearth.bench.http.Requests;
import hearth.bench.load.LoadGenerator;
import hearth.bench.load.RequestScript;
import hearth.bench.process.CeilingServer;
import hearth.bench.process.NodeProcess;
import hearth.bench.process.Processes;
import hearth.bench.seed.HttpSeeder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Page benchmarks: how many times a second a node serves one page to readers without a
 * cookie, and how fast at half that rate, next to the ceiling — the same bytes served from
 * memory by a bare Vert.x route in another process, measured the same way in the same run.
 * Readers without a cookie are served from the node's one-second cache of reading pages, so the
 * same page is also measured rendered for every request, as a reader with a cookie gets it (here
 * the language cookie of the node's default language, which changes nothing on the page).
 *
 * <p>Each run starts a node on a fresh data folder (SQLite), seeds it through its forms,
 * warms it up, and measures it with the {@link LoadGenerator} from this process. Entry points
 * are the suite's {@code thread-page}, {@code circle-page} and {@code home-page}.
 */
public final class PageBench {

    /** The targets for the thread page. */
    static final double TARGET_RPS = 3_000;
    static final double TARGET_RATIO = 0.5;
    static final double TARGET_P99_MS = 25;
    /** A reader who chose English, the bundled configuration's default: the page is the same, rendered for her. */
    public static final String RENDERED_COOKIE = "hearth_lang=en";

    private PageBench() {
    }

    /** What to put in the node, and which page of it to read. */
    @FunctionalInterface
    private interface Seeding {
        /** Seeds through {@code seeder}; returns the path to read. */
        String seed(HttpSeeder seeder, BenchContext context) throws IOException;
    }

    /** A thread with 50 replies (10 when tiny). */
    public static void threadPage(BenchContext context) throws Exception {
        int replies = context.size().pick(10, 50, 50);
        run(context, "thread-page", "a thread with " + replies + " replies",
                (seeder, ctx) -> seeder.thread(seeder.circles().getFirst(), replies), true);
    }

    /** The first page of a circle holding 200 threads (10 when tiny), each with up to 4 replies. */
    public static void circlePage(BenchContext context) throws Exception {
        int threads = context.size().pick(10, 200, 200);
        run(context, "circle-page", "a circle with " + threads + " threads", (seeder, ctx) -> {
            String circle = seeder.circles().getFirst();
            seeder.threads(List.of(circle), threads, 4);
            return "/c/" + circle;
        }, false);
    }

    /** The home page, over 200 threads (10 when tiny) spread across the circles. */
    public static void homePage(BenchContext context) throws Exception {
        int threads = context.size().pick(10, 200, 200);
        run(context, "home-page", "the home page over " + threads + " threads in every circle", (seeder, ctx) -> {
            seeder.threads(seeder.circles(), threads, 4);
            return "/";
        }, false);
    }

    private static void run(BenchContext context, String name, String what, Seeding seeding, boolean targets)
            throws Exception {
        context.say("%s", Machine.describe());
        Processes processes = context.processes();
        NodeProcess node = processes.startNode(processes.folder("data"));
        CeilingServer ceiling = processes.startCeiling(); // boots while the node is seeded
        node.awaitHealthy(Duration.ofMinutes(2));

        long seedStart = System.nanoTime();
        String path;
        int posts;
        try (HttpSeeder seeder = new HttpSeeder("127.0.0.1", node.port(), context.seed(), 10)) {
            path = seeding.seed(seeder, context);
            posts = seeder.posts();
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        Duration settled = Settle.await(node, Duration.ofSeconds(context.size().pick(3, 180, 180)));
        context.say("node settled (search index and outbox caught up, under %.1f cores) %.1f s after seeding",
                Settle.IDLE_CORES, settled.toMillis() / 1000.0);
        HttpResponse page = fetch(node.port(), node.host(), path);
        ceiling.serve(path, page);
        if (!Arrays.equals(fetch(ceiling.port(), ceiling.host(), path).body(), page.body())) {
            throw new IllegalStateException("the ceiling server does not serve the node's bytes");
        }
        context.say("page: GET %s, %s (%,d posts seeded through the forms in %.1f s), %,d bytes, uncompressed,"
                + " read without a cookie", path, what, posts, seedSeconds, page.body().length);
        context.say("node: %s; JVM options: %s", node.data(), describe(processes.javaOptions()));

        LoadPhases.Figures fromNode;
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", node.port(), scripts(context, node.host(), path))) {
            fromNode = LoadPhases.measure(context, load, node.process(), "node", "pages/s");
        }
        LoadPhases.Figures rendered;
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", node.port(),
                scripts(context, node.host(), path, RENDERED_COOKIE))) {
            rendered = LoadPhases.measure(context, load, node.process(), "node, rendered every time", "pages/s");
        }
        LoadPhases.Figures fromCeiling;
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", ceiling.port(),
                scripts(context, ceiling.host(), path))) {
            fromCeiling = LoadPhases.measure(context, load, ceiling.process(), "ceiling", "pages/s");
        }
        double ratio = fromNode.saturated().rate() / fromCeiling.saturated().rate();
        context.say("node / ceiling: %.2f (%,.0f / %,.0f pages/s)", ratio, fromNode.saturated().rate(),
                fromCeiling.saturated().rate());

        JsonLine json = new JsonLine(name)
                .put("rps", Math.round(fromNode.saturated().rate()))
                .put("p50_ms", fromNode.half().p50(), 2)
                .put("p99_ms", fromNode.half().p99(), 2)
                .put("ceiling_ratio", ratio, 3)
                .put("ceiling_rps", Math.round(fromCeiling.saturated().rate()))
                .put("ceiling_p50_ms", fromCeiling.half().p50(), 2)
                .put("ceiling_p99_ms", fromCeiling.half().p99(), 2)
                .put("rendered_rps", Math.round(rendered.saturated().rate()))
                .put("rendered_p50_ms", rendered.half().p50(), 2)
                .put("rendered_p99_ms", rendered.half().p99(), 2)
                .put("rendered_cpu_cores", rendered.serverCpu(), 2)
                .put("saturated_p50_ms", fromNode.saturated().p50(), 2)
                .put("saturated_p99_ms", fromNode.saturated().p99(), 2)
                .put("node_cpu_cores", fromNode.serverCpu(), 2)
                .put("page_bytes", page.body().length)
                .put("posts", posts)
                .put("connections", context.connections())
                .put("seconds", context.measure().toMillis() / 1000.0, 1)
                .put("errors", fromNode.errors() + rendered.errors() + fromCeiling.errors());
        if (targets) {
            Targets check = new Targets()
                    .atLeast("pages/s", fromNode.saturated().rate(), TARGET_RPS, "")
                    .atLeast("share of the ceiling", ratio, TARGET_RATIO, "")
                    .atMost("p99 at half load", fromNode.half().p99(), TARGET_P99_MS, " ms");
            check.print(context, context.size() == hearth.bench.Size.FULL ? "" : "a " + context.size().label()
                    + " run: indicative only");
            json.put("meets_targets", check.met());
        }
        context.out().println(json.finish(context.size()));
    }

    /** One identical GET per connection. */
    private static List<RequestScript> scripts(BenchContext context, String host, String path) {
        return scripts(context, host, path, null);
    }

    private static List<RequestScript> scripts(BenchContext context, String host, String path, String cookie) {
        byte[] request = Requests.get(host, path, cookie);
        List<RequestScript> scripts = new ArrayList<>();
        for (int i = 0; i < context.connections(); i++) {
            scripts.add(RequestScript.repeat(request, 200));
        }
        return scripts;
    }

    static HttpResponse fetch(int port, String host, String path) throws IOException {
        try (HttpConnection connection = new HttpConnection("127.0.0.1", port)) {
            HttpResponse response = connection.exchange(Requests.get(host, path, null), true);
            if (response.status() != 200) {
                throw new IOException("GET " + path + " answered " + response.status());
            }
            return response;
        }
    }

    static String describe(List<String> javaOptions) {
        return javaOptions.isEmpty() ? "none beyond ./hearth's (HEARTH_JAVA_OPTS is empty)"
                : String.join(" ", javaOptions) + " (from HEARTH_JAVA_OPTS)";
    }
}
