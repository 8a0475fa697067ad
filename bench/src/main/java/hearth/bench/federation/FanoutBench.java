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
import io.vertx.core.http.HttpServerRequest;
import hearth.federation.keys.RsaKeys;
import hearth.federation.signature.CavageSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fan-out: one new thread in a circle with 1,000 followers on 50 hosts (20 inboxes each, no
 * shared inbox), simulated by 50 HTTP servers in this process. Measured from the node's 303
 * (the post is committed) to each inbox receiving the circle's Announce: total time and the
 * p50/p99 delay; RSA-signed deliveries per second of the node's CPU (everything the node did
 * meanwhile counted against them); and the most requests one host had in flight at once.
 * Three threads first warm the node up and are not counted.
 * Entry point: the suite's {@code federation-fanout}.
 */
public final class FanoutBench {

    static final double TARGET_TOTAL_MS = 5_000;
    static final double TARGET_SIGNED_PER_CORE = 400;
    static final int TARGET_IN_FLIGHT_ONE_HOST = 16;
    // A server across the internet answers after about this long (round trip, signature check, queueing).
    private static final long ANSWER_MILLIS = 100;
    private static final int SIGNATURES_TIMED = 2_000;
    private static final int WARM_UP_ROUNDS = 3;
    private static final Pattern TITLE = Pattern.compile("Measured thread|Warm-up thread \\d+");

    private FanoutBench() {
    }

    public static void run(BenchContext context) throws Exception {
        context.say("%s", Machine.describe());
        double signaturesPerCore = signaturesPerSecond(context.size().pick(200, SIGNATURES_TIMED, SIGNATURES_TIMED));
        context.say("signing alone, one thread: %,.0f RSA-2048 HTTP signatures (draft-cavage, with Digest) per second",
                signaturesPerCore);
        int hostCount = context.size().pick(5, 50, 50);
        int perHost = context.size().pick(4, 20, 20);
        Vertx vertx = Vertx.vertx();
        List<HttpServer> servers = new ArrayList<>();
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicInteger mostInFlight = new AtomicInteger();
        try {
            List<String> inboxes = new ArrayList<>();
            for (int h = 0; h < hostCount; h++) {
                AtomicInteger inFlight = new AtomicInteger();
                HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    AtomicBoolean open = new AtomicBoolean(true);
                    Runnable finished = () -> {
                        if (open.getAndSet(false)) {
                            inFlight.decrementAndGet();
                        }
                    };
                    request.response().endHandler(done -> finished.run());
                    request.response().closeHandler(closed -> finished.run());
                    answer(vertx, request, arrivals);
                }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
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
                // Warm-up rounds, so that the node's code is compiled before the measured one.
                for (int round = 0; round < context.size().pick(1, WARM_UP_ROUNDS, WARM_UP_ROUNDS); round++) {
                    deliver(woman, "Warm-up thread " + round, arrivals, inboxes.size());
                }
                mostInFlight.set(0);
                double cpuBefore = node.cpuSeconds();
                long posted = deliver(woman, "Measured thread", arrivals, inboxes.size());
                double cpu = node.cpuSeconds() - cpuBefore;
                double signedPerCore = inboxes.size() / cpu;
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
                context.say("signed deliveries: %,.0f per second of the node's CPU (%.2f s of CPU for %,d); target %,.0f"
                        + " per core: %s", signedPerCore, cpu, inboxes.size(), TARGET_SIGNED_PER_CORE,
                        signedPerCore >= TARGET_SIGNED_PER_CORE ? "met" : "NOT met");
                context.say("most requests in flight to one host: %d; target at least %d: %s", mostInFlight.get(),
                        TARGET_IN_FLIGHT_ONE_HOST, mostInFlight.get() >= TARGET_IN_FLIGHT_ONE_HOST ? "met" : "NOT met");
                boolean met = totalMs <= TARGET_TOTAL_MS && signedPerCore >= TARGET_SIGNED_PER_CORE
                        && mostInFlight.get() >= TARGET_IN_FLIGHT_ONE_HOST;
                context.say("%s", new JsonLine("federation-fanout").put("inboxes", inboxes.size())
                        .put("hosts", hostCount).put("total_ms", totalMs, 0)
                        .put("p50_ms", delays.percentileMillis(50), 0).put("p99_ms", delays.percentileMillis(99), 0)
                        .put("signed_per_core_s", signedPerCore, 0).put("node_cpu_s", cpu, 2)
                        .put("signatures_per_core_s", signaturesPerCore, 0)
                        .put("most_in_flight_one_host", mostInFlight.get())
                        .put("target_met", met).finish(context.size()));
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

    /** How many deliveries one thread signs a second, as the node signs them (after as many untimed). */
    private static double signaturesPerSecond(int count) {
        KeyPair key = RsaKeys.generate();
        byte[] body = "{\"type\":\"Announce\",\"id\":\"https://hearth.example/activity/1\"}"
                .getBytes(StandardCharsets.UTF_8);
        long started = 0;
        for (int n = 0; n < 2 * count; n++) {
            if (n == count) {
                started = System.nanoTime();
            }
            CavageSigner.sign("POST", URI.create("https://remote.example/users/u" + n + "/inbox"),
                    "application/activity+json", body, "https://hearth.example/c/perinatal#main-key", key.getPrivate(),
                    Instant.now());
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    /** A follower's inbox: notes when the circle's Announce arrived, and answers 202 after a moment's work. */
    private static void answer(Vertx vertx, HttpServerRequest request, Map<String, Long> arrivals) {
        request.body().onSuccess(body -> {
            long at = System.nanoTime();
            String text = body.toString();
            if (text.contains("\"Announce\"")) {
                arrivals.putIfAbsent(request.authority() + request.path() + "|" + marker(text), at);
            }
            request.response().setStatusCode(202);
            vertx.setTimer(ANSWER_MILLIS, t -> request.response().end());
        });
    }

    private static String marker(String body) {
        Matcher title = TITLE.matcher(body);
        return title.find() ? title.group() : "?";
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
