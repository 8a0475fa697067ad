package hearth.node.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hearth.node.TestNode;
import java.io.IOException;
import java.net.CookieManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Twenty kill -9s in a row under a steady load of anonymous posts and federated deliveries.
 *
 * <p>Four women post from this JVM (another process than the node) while three other servers
 * on loopback follow every circle; at a seeded random moment the node is killed with SIGKILL
 * and started again on the same data folder and port. After each restart: every acknowledged
 * post is in the store exactly once, the search index agrees with the store (each new post's
 * marker found once, and per round as many posts indexed as stored), and the deliveries that
 * were pending at the kill arrive. At the end every acknowledged post has reached every
 * follower. Duplicate receipts (an activity sent again because the kill fell between sending
 * and recording it) are counted and reported: receivers deduplicate them by activity id.
 *
 * <p>Rerun a failure with {@code -Dhearth.crash.seed=N}; {@code -Dhearth.crash.rounds=N}
 * changes the number of kills. Figures go to stdout and {@code target/crash-restart.txt}.
 */
class KillNineUnderLoadIT {

    static final List<String> CIRCLES = List.of("perinatal", "survivors", "recovery", "everyday");
    private static final int WRITERS = 4;
    private static final int RECEIVERS = 3;
    private static final int ROUNDS = Integer.getInteger("hearth.crash.rounds", 20);
    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(180);

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twentyKillsUnderLoadLoseNothing() throws Exception {
        long seed = Long.getLong("hearth.crash.seed", new SecureRandom().nextLong());
        System.out.println("KillNineUnderLoadIT seed = " + seed + "  (rerun with -Dhearth.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        String tag = Long.toString(seed & 0xfffffL, 36);
        long began = System.nanoTime();
        Path data = TestNode.freshDataFolder();
        int port = NodeProcess.anyFreePort();
        Ledger ledger = new Ledger();
        Figures figures = new Figures(seed);
        List<CookieManager> jars = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            jars.add(ForumClient.newJar());
        }
        List<Receiver> receivers = new ArrayList<>();
        try {
            for (int r = 0; r < RECEIVERS; r++) {
                receivers.add(Receiver.start("reader" + r, LoadWriter.markers(tag)));
            }
            try (NodeProcess node = start(data, port, "kill9-setup")) {
                follow(node, receivers);
                node.stop();
            }
            for (int round = 1; round <= ROUNDS; round++) {
                try (NodeProcess node = start(data, port, "kill9-round" + round)) {
                    figures.startups.add(node.startup().toMillis());
                    if (round > 1) {
                        check(node, ledger, receivers, figures, "after kill -9 number " + (round - 1), false);
                    }
                    load(node, round, tag, random, jars, ledger, figures);
                }
            }
            try (NodeProcess node = start(data, port, "kill9-final")) {
                check(node, ledger, receivers, figures, "after the last kill -9", true);
                StoreView.Outbox outbox = StoreView.outbox(data);
                figures.outbox = outbox.toString();
                assertEquals(0, outbox.gaveUp(), "deliveries given up: " + outbox);
                int code = node.stop(Duration.ofSeconds(20));
                assertTrue(code == 0 || code == 143, "exit code after SIGTERM was " + code);
            }
            for (Receiver receiver : receivers) {
                assertEquals(0, receiver.refused(), "a receiver refused a delivery whose signature did not check");
                figures.received += receiver.markers().stream().filter(ledger.acknowledged()::contains).count();
                figures.duplicates += receiver.duplicates();
            }
        } finally {
            receivers.forEach(Receiver::close);
        }
        figures.rounds = ROUNDS;
        figures.acknowledged = ledger.acknowledged().size();
        figures.expected = (long) ledger.acknowledged().size() * RECEIVERS;
        figures.millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        figures.print(Path.of("target", "crash-restart.txt"));
        assertEquals(figures.expected, figures.received, "deliveries expected vs received");
    }

    private static NodeProcess start(Path data, int port, String name) {
        return NodeProcess.start(data, name, port, List.of("--allow-private-addresses"));
    }

    /** Every receiver follows every circle, and waits for the circle's Accept. */
    private static void follow(NodeProcess node, List<Receiver> receivers) throws Exception {
        for (Receiver receiver : receivers) {
            for (String circle : CIRCLES) {
                assertEquals(202, receiver.follow(node.url("/c/" + circle)), "follow " + circle);
            }
        }
        eventually(DELIVERY_LIMIT, "every circle accepted every follower",
                () -> receivers.stream().allMatch(r -> r.acceptedBy().size() == CIRCLES.size()));
    }

    // ---- load

    /** Posts from {@value #WRITERS} women until a seeded moment, then kills the node. */
    private static void load(NodeProcess node, int round, String tag, Random random, List<CookieManager> jars,
            Ledger ledger, Figures figures) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        int before = ledger.acknowledged().size();
        long delay = 200 + random.nextInt(1300);
        try {
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(new LoadWriter(round, w, tag, node, jars.get(w),
                        new Random(random.nextLong()), ledger, killed)));
            }
            // Let every writer get going (and deliveries start), then kill at a seeded moment.
            long ready = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ledger.acknowledged().size() - before < WRITERS && System.nanoTime() < ready
                    && ledger.unexpected.isEmpty()) {
                Thread.sleep(10);
            }
            Thread.sleep(delay);
            killed.set(true);
            node.kill9();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(ledger.unexpected.isEmpty(), "a post failed before the node was killed: " + ledger.unexpected);
        int acked = ledger.acknowledged().size() - before;
        assertTrue(acked >= WRITERS, "round " + round + " acknowledged only " + acked + " posts");
        System.out.printf("round %2d: kill -9 %4d ms into the load; %3d posts acknowledged, %d in all%n", round,
                delay, acked, ledger.acknowledged().size());
    }

    // ---- checking

    private static void check(NodeProcess node, Ledger ledger, List<Receiver> receivers, Figures figures,
            String when, boolean everything) throws Exception {
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        Set<String> acked = ledger.acknowledged();

        // The store: every acknowledged post exactly once, nothing twice.
        StoreView store = StoreView.read(node.data());
        for (String marker : acked) {
            int n = store.count(marker);
            if (n != 1) {
                problems.add("acknowledged post " + marker + " is in the store " + n + " times");
            }
        }
        store.markers().forEach((marker, n) -> {
            if (n > 1) {
                problems.add("post " + marker + " is in the store " + n + " times");
            }
        });

        long storeMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        // Pending deliveries resume: what had not arrived at the kill arrives now.
        int pending = 0;
        for (Receiver receiver : receivers) {
            pending += (int) acked.stream().filter(m -> !receiver.markers().contains(m)).count();
        }
        figures.pendingAtRestart += pending;
        try {
            eventually(DELIVERY_LIMIT, "every acknowledged post reached every follower", () -> receivers.stream()
                    .allMatch(r -> r.markers().containsAll(acked)));
        } catch (AssertionError e) {
            for (Receiver receiver : receivers) {
                long missing = acked.stream().filter(m -> !receiver.markers().contains(m)).count();
                problems.add(receiver.actor() + " is missing " + missing + " of " + acked.size() + " posts");
            }
        }

        long deliveredMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        // The index: caught up before the node served its first page.
        try (ForumClient reader = new ForumClient(node.url("/"), ForumClient.newJar())) {
            Search search = new Search(reader);
            for (String marker : everything ? acked : ledger.uncheckedInSearch()) {
                int hits = search.hits(marker);
                if (hits != 1) {
                    problems.add("search finds acknowledged post " + marker + " " + hits + " times");
                }
                figures.searched++;
            }
            for (var entry : ledger.roundWords().entrySet()) {
                int indexed = search.total(entry.getValue());
                int stored = store.count(entry.getValue());
                if (indexed != stored) {
                    problems.add("round " + entry.getKey() + ": " + stored + " posts stored but " + indexed
                            + " indexed");
                }
            }
        }
        ledger.searchChecked();
        System.out.printf("checked %s: %d posts stored, %d deliveries were pending; store read at %d ms,"
                + " deliveries in at %d ms, search checked at %d ms%n", when, store.markers().size(), pending,
                storeMillis, deliveredMillis, Duration.ofNanos(System.nanoTime() - t0).toMillis());
        if (!problems.isEmpty()) {
            fail(when + ": " + problems.size() + " problems:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(40, problems.size()))));
        }
    }

    static void eventually(Duration limit, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** What the run measured. */
    static final class Figures {
        final long seed;
        final List<Long> startups = new ArrayList<>();
        int rounds;
        long acknowledged;
        long expected;
        long received;
        long duplicates;
        long pendingAtRestart;
        long searched;
        long millis;
        String outbox = "";

        Figures(long seed) {
            this.seed = seed;
        }

        void print(Path file) throws IOException {
            long slowest = startups.stream().mapToLong(Long::longValue).max().orElse(0);
            double mean = startups.stream().mapToLong(Long::longValue).average().orElse(0);
            String text = String.format("Crash and restart (KillNineUnderLoadIT, seed %d)%n"
                    + "  kill -9 rounds:                 %d%n"
                    + "  posts acknowledged / found:     %d / %d (each exactly once in the store)%n"
                    + "  searches checked:               %d (index count = store count after every restart)%n"
                    + "  deliveries expected / received: %d / %d (%d followers)%n"
                    + "  duplicate receipts:             %d (same activity id at the same inbox; deduplicated)%n"
                    + "  pending at a restart, resumed:  %d%n"
                    + "  outbox at the end:              %s%n"
                    + "  restart to ready:               mean %.0f ms, slowest %d ms%n"
                    + "  whole run:                      %d s%n",
                    seed, rounds, acknowledged, acknowledged, searched, expected, received, RECEIVERS, duplicates,
                    pendingAtRestart, outbox, mean, slowest, millis / 1000);
            System.out.print(text);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        }
    }

    /** Reads the search page as she would. */
    private record Search(ForumClient reader) {
        int hits(String word) throws IOException, InterruptedException {
            return org.jsoup.Jsoup.parse(page(word)).select("ol.results > li").size();
        }

        int total(String word) throws IOException, InterruptedException {
            var doc = org.jsoup.Jsoup.parse(page(word));
            if (doc.selectFirst("ol.results") == null) {
                return 0;
            }
            var count = doc.selectFirst("main p.small");
            String digits = count == null ? "" : count.text().replaceAll("[^0-9]", "");
            return digits.isEmpty() ? -1 : Integer.parseInt(digits);
        }

        private String page(String word) throws IOException, InterruptedException {
            var response = reader.get("/search?q=" + word);
            if (response.statusCode() != 200) {
                throw new AssertionError("search answered " + response.statusCode());
            }
            return response.body();
        }
    }
}
