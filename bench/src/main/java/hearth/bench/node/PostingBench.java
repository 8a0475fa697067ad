package hearth.bench.node;

import hearth.bench.BenchContext;
import hearth.bench.JsonLine;
import hearth.bench.Machine;
import hearth.bench.Size;
import hearth.bench.http.Browser;
import hearth.bench.http.HttpConnection;
import hearth.bench.http.HttpResponse;
import hearth.bench.load.LoadGenerator;
import hearth.bench.load.RequestScript;
import hearth.bench.process.NodeProcess;
import hearth.bench.process.Processes;
import hearth.bench.seed.HttpSeeder;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posting: durable anonymous posts per second through HTTP, the whole way a post takes —
 * form parsing, anti-forgery check, Markdown and cleaning, the committed transaction
 * ({@code synchronous=FULL}) before the 303, and the search indexer following.
 *
 * <p>One browser per connection: each first reads the new-thread form (token, no cookie),
 * posts a thread (and gets her author cookie), reads that thread's reply form for a token
 * bound to her key, then posts replies and now and then a new thread ({@link PostingScript}).
 * Measured like the pages: saturation with every browser posting back to back, then latency
 * at half that rate. Afterwards the node is stopped and the posts in its database counted:
 * every acknowledged post must be there. Entry point: the suite's {@code posting}.
 */
public final class PostingBench {

    static final double TARGET_POSTS_PER_SECOND = 5_000;

    private PostingBench() {
    }

    public static void run(BenchContext context) throws Exception {
        context.say("%s", Machine.describe());
        Processes processes = context.processes();
        NodeProcess node = processes.startNode(processes.folder("data"));
        node.awaitHealthy(Duration.ofMinutes(2));
        context.say("node: %s; JVM options: %s", node.data(), PageBench.describe(processes.javaOptions()));

        List<PostingScript> browsers = browsers(context, node);
        LoadPhases.Figures figures;
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", node.port(), List.<RequestScript>copyOf(browsers))) {
            figures = LoadPhases.measure(context, load, node.process(), "node", "posts/s");
        }
        node.stop();
        long acknowledged = browsers.size() + browsers.stream().mapToLong(PostingScript::acknowledged).sum();
        long stored = countPosts(node.data());
        boolean durable = stored >= acknowledged;
        context.say("acknowledged %,d posts (with the %d that set up the browsers); the database holds %,d: %s",
                acknowledged, browsers.size(), stored,
                durable ? "every acknowledged post was stored" : "POSTS WERE LOST");

        Targets check = new Targets()
                .atLeast("durable posts/s", figures.saturated().rate(), TARGET_POSTS_PER_SECOND, "");
        check.print(context, context.size() == Size.FULL ? "" : "a " + context.size().label() + " run: indicative only");
        context.out().println(new JsonLine("posting")
                .put("posts_per_s", Math.round(figures.saturated().rate()))
                .put("p50_ms", figures.half().p50(), 2)
                .put("p99_ms", figures.half().p99(), 2)
                .put("saturated_p50_ms", figures.saturated().p50(), 2)
                .put("saturated_p99_ms", figures.saturated().p99(), 2)
                .put("node_cpu_cores", figures.serverCpu(), 2)
                .put("acknowledged", acknowledged)
                .put("stored", stored)
                .put("durable", durable)
                .put("connections", context.connections())
                .put("seconds", context.measure().toMillis() / 1000.0, 1)
                .put("errors", figures.errors())
                .put("meets_targets", check.met())
                .finish(context.size()));
        if (!durable) {
            throw new IllegalStateException("the node acknowledged posts that are not in its database");
        }
    }

    /** One browser per connection, each with a first thread, her cookie, and a token bound to her key. */
    private static List<PostingScript> browsers(BenchContext context, NodeProcess node) throws IOException {
        List<String> circles;
        try (HttpSeeder seeder = new HttpSeeder("127.0.0.1", node.port(), context.seed(), 1)) {
            circles = seeder.circles();
        }
        List<PostingScript> scripts = new ArrayList<>();
        try (HttpConnection connection = new HttpConnection("127.0.0.1", node.port())) {
            for (int i = 0; i < context.connections(); i++) {
                String circle = circles.get(i % circles.size());
                Browser browser = new Browser(connection, node.host());
                Map<String, String> form = new LinkedHashMap<>();
                form.put("title", "Hello from browser " + (i + 1));
                form.put("body", "My first post here.");
                form.put("pseudonym", "usual");
                String newThread = "/c/" + circle + "/new";
                HttpResponse first = browser.submit(newThread, newThread, form);
                String thread = first.header("Location");
                if (first.status() != 303 || thread == null || browser.cookieHeader().isEmpty()) {
                    throw new IOException("her first post answered " + first.status() + " (location " + thread
                            + ", cookie '" + browser.cookieHeader() + "')");
                }
                scripts.add(new PostingScript(node.host(), circle, thread, browser.cookieHeader(),
                        browser.token(thread), context.seed() + 1 + i));
            }
        }
        return scripts;
    }

    private static long countPosts(Path data) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("hearth.db").toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM post")) {
            r.next();
            return r.getLong(1);
        }
    }
}
