package hearth.node.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hearth.node.TestNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kills a real node process with SIGKILL while several women are posting, restarts it on the
 * same data folder, and checks that every post the node acknowledged (303) is there exactly
 * once and every acknowledged thread is listed in its circle.
 *
 * <p>The moment of each kill comes from a seed printed at the start; rerun a failure with
 * {@code -Dhearth.crash.seed=N}. (Thread scheduling still varies from run to run.)
 */
class CrashRestartIT {

    private static final List<String> CIRCLES = List.of("perinatal", "survivors", "recovery", "everyday");
    private static final int WRITERS = 4;
    private static final int ROUNDS = 3;
    private static final int MAX_POSTS_PER_WRITER_PER_ROUND = 120;
    private static final Duration MAX_WRITING_PER_ROUND = Duration.ofSeconds(8);

    /** A thread the node acknowledged. */
    record KnownThread(String circle, String id, String titleMarker) {
    }

    /** A post that was sent; {@code threadId} is null for a thread that was not acknowledged. */
    record Sent(String marker, String circle, String threadId, boolean opening, boolean acknowledged, int round) {
    }

    /** Everything all writers sent, across rounds. */
    static final class Ledger {
        final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
        final List<KnownThread> threads = new CopyOnWriteArrayList<>();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        final Queue<String> unackedThreadTitles = new ConcurrentLinkedQueue<>();

        long acknowledged() {
            return sent.stream().filter(Sent::acknowledged).count();
        }

        long acknowledgedIn(int round) {
            return sent.stream().filter(s -> s.acknowledged() && s.round() == round).count();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyAcknowledgedPostSurvivesKillNine() throws Exception {
        long seed = Long.getLong("hearth.crash.seed", new SecureRandom().nextLong());
        System.out.println("CrashRestartIT seed = " + seed + "  (rerun with -Dhearth.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        String tag = Long.toString(seed & 0xffffffL, 36);
        long began = System.nanoTime();

        Path data = TestNode.freshDataFolder();
        Ledger ledger = new Ledger();
        List<CookieManager> jars = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            jars.add(ForumClient.newJar());
        }

        for (int round = 1; round <= ROUNDS; round++) {
            try (NodeProcess node = NodeProcess.start(data, "crash-round" + round)) {
                System.out.printf("round %d: node pid %d on port %d ready in %d ms%n", round, node.pid(),
                        node.port(), node.startup().toMillis());
                if (round > 1) {
                    verify(node, ledger, "after kill -9 number " + (round - 1));
                }
                AtomicBoolean killed = new AtomicBoolean();
                long deadline = System.nanoTime() + MAX_WRITING_PER_ROUND.toNanos();
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> writers = new ArrayList<>();
                try {
                    for (int w = 0; w < WRITERS; w++) {
                        Writer writer = new Writer(round, w, tag, node, jars.get(w), new Random(random.nextLong()),
                                ledger, killed, deadline);
                        writers.add(pool.submit(writer));
                    }
                    // Let every writer get going, then kill at a seeded moment while they write.
                    long ackDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (ledger.acknowledgedIn(round) < WRITERS && System.nanoTime() < ackDeadline
                            && ledger.unexpected.isEmpty()) {
                        Thread.sleep(10);
                    }
                    long delay = random.nextInt(1500);
                    Thread.sleep(delay);
                    killed.set(true);
                    long before = ledger.acknowledgedIn(round);
                    node.kill9();
                    System.out.printf("round %d: kill -9 after a further %d ms; %d posts acknowledged this round "
                            + "(%d at the moment of the kill), %d in all%n", round, delay,
                            ledger.acknowledgedIn(round), before, ledger.acknowledged());
                    for (Future<?> writer : writers) {
                        writer.get(15, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertTrue(ledger.unexpected.isEmpty(),
                        "a post failed before the node was killed: " + ledger.unexpected);
                assertTrue(ledger.acknowledgedIn(round) >= WRITERS,
                        "round " + round + " acknowledged only " + ledger.acknowledgedIn(round) + " posts");
            }
        }

        try (NodeProcess node = NodeProcess.start(data, "crash-final")) {
            verify(node, ledger, "after the last kill -9");
            int code = node.stop(Duration.ofSeconds(10));
            assertTrue(code == 0 || code == 143, "exit code after SIGTERM was " + code);
        }
        long unacked = ledger.sent.size() - ledger.acknowledged();
        System.out.printf("CrashRestartIT: %d rounds, %d acknowledged posts in %d threads, %d posts in flight at a "
                        + "kill, all checked in %d ms%n", ROUNDS, ledger.acknowledged(), ledger.threads.size(),
                unacked, Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void sigtermStopsCleanlyAndKeepsEverything() throws Exception {
        Path data = TestNode.freshDataFolder();
        Ledger ledger = new Ledger();
        CookieManager jar = ForumClient.newJar();
        try (NodeProcess node = NodeProcess.start(data, "sigterm")) {
            try (ForumClient she = new ForumClient(node.url("/"), jar)) {
                ForumClient.Answer thread = she.startThread("everyday", "Cannot switch off tSIGTERMtitle",
                        "Lying awake again. bSIGTERMopening", "usual");
                assertTrue(thread.acknowledged(), thread.describe());
                ledger.threads.add(new KnownThread("everyday", thread.threadId(), "tSIGTERMtitle"));
                ledger.sent.add(new Sent("bSIGTERMopening", "everyday", thread.threadId(), true, true, 1));
                ForumClient.Answer reply = she.reply("everyday", thread.threadId(),
                        "Same here, it helps to write it down. bSIGTERMreply", "one-off");
                assertTrue(reply.acknowledged(), reply.describe());
                ledger.sent.add(new Sent("bSIGTERMreply", "everyday", thread.threadId(), false, true, 1));
            }
            long t0 = System.nanoTime();
            int code = node.stop(Duration.ofSeconds(10));
            long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            System.out.printf("SIGTERM: exit code %d after %d ms%n", code, millis);
            assertTrue(code == 0 || code == 143, "exit code after SIGTERM was " + code + "\n" + node.logText());
            assertTrue(millis < 5_000, "stopping took " + millis + " ms");
            assertTrue(node.logText().contains("Hearth is stopping"),
                    "the shutdown hook did not run:\n" + node.logText());
        }
        try (NodeProcess again = NodeProcess.start(data, "sigterm-again")) {
            verify(again, ledger, "after SIGTERM");
            // Her cookie still links her to her posts: the node secret survived too.
            try (ForumClient she = new ForumClient(again.url("/"), jar)) {
                HttpResponse<String> mine = she.get("/mine");
                assertEquals(200, mine.statusCode());
                assertTrue(mine.body().contains("Cannot switch off tSIGTERMtitle"),
                        "her /mine page lost her thread after the restart");
            }
            int code = again.stop(Duration.ofSeconds(10));
            assertTrue(code == 0 || code == 143, "exit code after SIGTERM was " + code);
        }
    }

    // ---- writing

    /** One woman posting as fast as the node lets her, until the node dies or her round ends. */
    private static final class Writer implements Runnable {
        private final int round;
        private final int index;
        private final String tag;
        private final NodeProcess node;
        private final CookieManager jar;
        private final Random random;
        private final Ledger ledger;
        private final AtomicBoolean killed;
        private final long deadline;

        Writer(int round, int index, String tag, NodeProcess node, CookieManager jar, Random random, Ledger ledger,
               AtomicBoolean killed, long deadline) {
            this.round = round;
            this.index = index;
            this.tag = tag;
            this.node = node;
            this.jar = jar;
            this.random = random;
            this.ledger = ledger;
            this.killed = killed;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            try (ForumClient client = new ForumClient(node.url("/"), jar)) {
                for (int n = 0; n < MAX_POSTS_PER_WRITER_PER_ROUND && !killed.get()
                        && System.nanoTime() < deadline; n++) {
                    // Fixed width, so no marker is a prefix of another.
                    String marker = String.format("mk%sr%dw%dn%04dz", tag, round, index, n);
                    String pseudonym = random.nextInt(3) == 0 ? "one-off" : "usual";
                    List<KnownThread> known = ledger.threads;
                    boolean newThread = known.isEmpty() || random.nextInt(4) == 0;
                    KnownThread target = newThread ? null : known.get(random.nextInt(known.size()));
                    String circle = newThread ? CIRCLES.get(random.nextInt(CIRCLES.size())) : target.circle();
                    String body = "Round " + round + ", woman " + index + ". I am *so* tired tonight. " + marker
                            + "\n\nThank you for listening.";
                    String titleMarker = marker.replace("mk", "tt");
                    ForumClient.Answer answer;
                    try {
                        answer = newThread
                                ? client.startThread(circle, "Another long night " + titleMarker, body, pseudonym)
                                : client.reply(circle, target.id(), body, pseudonym);
                    } catch (IOException e) {
                        if (!killed.get()) {
                            ledger.unexpected.add("writer " + index + ": " + e);
                        }
                        // Sent or not, nobody told her it was posted.
                        ledger.sent.add(new Sent(marker, circle, newThread ? null : target.id(), newThread, false,
                                round));
                        if (newThread) {
                            ledger.unackedThreadTitles.add(titleMarker);
                        }
                        return;
                    }
                    if (!answer.acknowledged()) {
                        if (!killed.get()) {
                            ledger.unexpected.add("writer " + index + ": " + answer.describe());
                        }
                        return;
                    }
                    if (!answer.circle().equals(circle) || (!newThread && !answer.threadId().equals(target.id()))) {
                        ledger.unexpected.add("writer " + index + ": redirected to the wrong place: "
                                + answer.describe());
                        return;
                    }
                    ledger.sent.add(new Sent(marker, circle, answer.threadId(), newThread, true, round));
                    if (newThread) {
                        ledger.threads.add(new KnownThread(circle, answer.threadId(), titleMarker));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!killed.get()) {
                    ledger.unexpected.add("writer " + index + ": " + e);
                }
            }
        }
    }

    // ---- checking

    private static void verify(NodeProcess node, Ledger ledger, String when) throws Exception {
        long t0 = System.nanoTime();
        Map<String, List<Sent>> byThread = new LinkedHashMap<>();
        for (Sent s : ledger.sent) {
            if (s.threadId() != null) {
                byThread.computeIfAbsent(s.threadId(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, KnownThread> threads = ledger.threads.stream()
                .collect(Collectors.toMap(KnownThread::id, t -> t, (a, b) -> a, LinkedHashMap::new));
        List<String> problems = new ArrayList<>();
        int postsChecked = 0;
        try (ForumClient reader = new ForumClient(node.url("/"), ForumClient.newJar())) {
            for (KnownThread thread : threads.values()) {
                HttpResponse<String> page = reader.get("/c/" + thread.circle() + "/t/" + thread.id());
                if (page.statusCode() != 200) {
                    problems.add("thread " + thread.id() + " answered " + page.statusCode());
                    continue;
                }
                Document doc = Jsoup.parse(page.body());
                Element h1 = doc.selectFirst("main h1");
                if (h1 == null || !h1.text().contains(thread.titleMarker())) {
                    problems.add("thread " + thread.id() + " lost its title " + thread.titleMarker());
                }
                String pageText = doc.text();
                List<String> bodies = doc.select("ol.posts li.post .body").eachText();
                for (Sent s : byThread.getOrDefault(thread.id(), List.of())) {
                    int inPage = occurrences(pageText, s.marker());
                    long inBodies = bodies.stream().filter(b -> b.contains(s.marker())).count();
                    if (s.acknowledged() && (inPage != 1 || inBodies != 1)) {
                        problems.add("acknowledged post " + s.marker() + " (round " + s.round() + ") appears "
                                + inPage + " times in thread " + thread.id() + " (" + inBodies + " post bodies)");
                    } else if (!s.acknowledged() && inPage > 1) {
                        problems.add("unacknowledged post " + s.marker() + " appears " + inPage + " times");
                    }
                    postsChecked++;
                }
                Element opening = doc.selectFirst("ol.posts li.post .body");
                Sent openingSent = byThread.getOrDefault(thread.id(), List.of()).stream()
                        .filter(Sent::opening).findFirst().orElse(null);
                if (openingSent != null && (opening == null || !opening.text().contains(openingSent.marker()))) {
                    problems.add("thread " + thread.id() + " does not open with " + openingSent.marker());
                }
            }
            // Every acknowledged thread is listed exactly once in its circle; no thread twice.
            Map<String, Integer> listed = new HashMap<>();
            List<String> listedTitles = new ArrayList<>();
            for (String circle : CIRCLES) {
                String next = "/c/" + circle;
                for (int pageNo = 0; next != null; pageNo++) {
                    if (pageNo > 200) {
                        problems.add("circle " + circle + " has more than 200 pages");
                        break;
                    }
                    HttpResponse<String> page = reader.get(next);
                    if (page.statusCode() != 200) {
                        problems.add(next + " answered " + page.statusCode());
                        break;
                    }
                    Document doc = Jsoup.parse(page.body(), node.url("/").toString());
                    for (Element link : doc.select("ul.threads li > a[href]")) {
                        var m = ForumClient.THREAD_LOCATION.matcher(link.attr("href"));
                        if (m.matches()) {
                            listed.merge(circle + "/" + m.group(2), 1, Integer::sum);
                            listedTitles.add(link.text());
                        }
                    }
                    Element older = doc.selectFirst("a[rel=next]");
                    next = older == null ? null : older.attr("href");
                }
            }
            for (KnownThread thread : threads.values()) {
                int count = listed.getOrDefault(thread.circle() + "/" + thread.id(), 0);
                if (count != 1) {
                    problems.add("thread " + thread.id() + " is listed " + count + " times in " + thread.circle());
                }
            }
            listed.forEach((key, count) -> {
                if (count > 1) {
                    problems.add("thread " + key + " is listed " + count + " times");
                }
            });
            Set<String> unackedTitles = Set.copyOf(ledger.unackedThreadTitles);
            for (String title : unackedTitles) {
                long count = listedTitles.stream().filter(t -> t.contains(title)).count();
                if (count > 1) {
                    problems.add("unacknowledged thread " + title + " is listed " + count + " times");
                }
            }
        }
        System.out.printf("verified %s: %d threads, %d posts in %d ms%n", when, threads.size(), postsChecked,
                Duration.ofNanos(System.nanoTime() - t0).toMillis());
        if (!problems.isEmpty()) {
            fail(when + ": " + problems.size() + " problems:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(50, problems.size()))));
        }
    }

    private static int occurrences(String text, String marker) {
        int count = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length())) {
            count++;
        }
        return count;
    }
}
