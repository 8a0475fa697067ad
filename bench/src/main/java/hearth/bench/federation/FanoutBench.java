package hearth.bench.federation;

import hearth.bench.BenchContext;
import hearth.bench.JsonLine;
import hearth.bench.Latencies;
import hearth.bench.Machine;
import hearth.bench.http.Browser;
import hearth.bench.http.HttpConnection;
import hearth.bench.http.HttpResponse;
import hearth.bench.process.NodeProcess;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Fan-out: one new thread in a circle with 1,000 followers on 50 hosts (20 inboxes each, no
 * shared inbox), simulated by 50 HTTP servers in this process. Measured from the node's 303
 * (the post is committed) to each inbox receiving the circle's Announce: total time and the
 * p50/p99 delay. A first thread warms the node up and is not counted.
 * Entry point: the suite's {@code federation-fanout}.
 */
public final class FanoutBench {

    static final double TARGET_TOTAL_MS = 5_000;

    private FanoutBench() {
    }

    public static void run(BenchContext context) throws Exception {
        context.say("%s", Machine.describe());
        int hostCount = context.size().pick(5, 50, 50);
        int perHost = context.size().pick(4, 20, 20);
        Vertx vertx = Vertx.vertx();
        List<HttpServer> servers = new ArrayList<>();
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        try {
            List<String> inboxes = new ArrayList<>();
            for (int h = 0; h < hostCount; h++) {
                HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                    long at = System.nanoTime();
                    String text = body.toString();
                    if (text.contains("\"Announce\"")) {
                        arrivals.putIfAbsent(request.authority() + request.path() + "|" + marker(text), at);
                    }
                    request.response().setStatusCode(202).end();
                })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                servers.add(server);
                for (int u = 0; u < perHost; u++) {
                    inboxes.add("http://127.0.0.1:" + server.actualPort() + "/users/u" + u + "/inbox");
                }
            }
            Path data = context.processes().folder("data");
            NodeProcess node = context.processes().startNode(data, "--allow-private-addresses");
            node.awaitHealthy(Duration.ofSeconds(90));
            addFollowers(data, inboxes);

            try (HttpConnection connection = new HttpConnection("127.0.0.1", node.port())) {
                Browser woman = new Browser(connection, node.host());
                deliver(woman, "Warm-up thread", arrivals, inboxes.size());
                long posted = deliver(woman, "Measured thread", arrivals, inboxes.size());
                Latencies delays = new Latencies();
                long last = posted;
                for (Map.Entry<String, Long> e : arrivals.entrySet()) {
                    if (e.getKey().endsWith("|Measured thread")) {
                        delays.record(e.getValue() - posted);
                        last = Math.max(last, e.getValue());
                    }
                }
                double totalMs = (last - posted) / 1e6;
                context.say("%,d follower inboxes on %d hosts: all delivered %,.0f ms after the post was committed",
                        inboxes.size(), hostCount, totalMs);
                context.say("delay p50 %.0f ms, p99 %.0f ms; target: all within %,.0f ms: %s",
                        delays.percentileMillis(50), delays.percentileMillis(99), TARGET_TOTAL_MS,
                        totalMs <= TARGET_TOTAL_MS ? "met" : "NOT met");
                context.say("%s", new JsonLine("federation-fanout").put("inboxes", inboxes.size())
                        .put("hosts", hostCount).put("total_ms", totalMs, 0)
                        .put("p50_ms", delays.percentileMillis(50), 0).put("p99_ms", delays.percentileMillis(99), 0)
                        .put("target_met", totalMs <= TARGET_TOTAL_MS).finish(context.size()));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Posts a thread titled {@code title} and waits until every inbox has its Announce; returns when it was committed. */
    private static long deliver(Browser woman, String title, Map<String, Long> arrivals, int inboxes) throws Exception {
        HttpResponse response = woman.submit("/c/perinatal/new", "/c/perinatal/new",
                Map.of("title", title, "body", "A thread for the fan-out benchmark.", "pseudonym", "usual"));
        long posted = System.nanoTime();
        if (response.status() != 303) {
            throw new IllegalStateException("posting answered " + response.status());
        }
        long deadline = posted + TimeUnit.MINUTES.toNanos(2);
        while (arrivals.keySet().stream().filter(k -> k.endsWith("|" + title)).count() < inboxes) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every inbox received the thread within 2 minutes");
            }
            Thread.sleep(5);
        }
        return posted;
    }

    private static String marker(String body) {
        return body.contains("Measured thread") ? "Measured thread" : "Warm-up thread";
    }

    /** Makes the circle's followers: rows in the node's store, as accepted follows leave them. */
    private static void addFollowers(Path data, List<String> inboxes) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("hearth.db"))) {
            c.createStatement().execute("PRAGMA busy_timeout = 10000");
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO circle_follower (circle_name, actor_uri,"
                    + " inbox, follow_id, created_at) VALUES ('perinatal', ?, ?, ?, ?)")) {
                for (String inbox : inboxes) {
                    String actor = inbox.substring(0, inbox.length() - "/inbox".length());
                    s.setString(1, actor);
                    s.setString(2, inbox);
                    s.setString(3, actor + "/follows/1");
                    s.setLong(4, System.currentTimeMillis());
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
        }
    }
}
