package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.node.HearthNode;
import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.federation.FaultyReceiver.Kind;
import hearth.node.process.ForumClient;
import hearth.node.store.Database;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a node whose circle is followed by one healthy server and one of each
 * {@link FaultyReceiver.Kind} of failing server, while women post: what each server received,
 * how every delivery ended (read from the node's database), page latency before and during the
 * faults, and what {@code hearth admin status} says afterwards. The node retries quickly (first
 * after {@value #FIRST_RETRY_MS} ms, doubling to {@value #LONGEST_WAIT_MS} ms, given up once the
 * waits pass {@value #GIVE_UP_AFTER_MS} ms: on the fifth failure) and gives each attempt
 * {@value #TIMEOUT_S} s, so a run takes about a minute. Not thread-safe.
 */
final class FaultScenario implements AutoCloseable {

    static final long FIRST_RETRY_MS = 200;
    static final long LONGEST_WAIT_MS = 1_600;
    static final long GIVE_UP_AFTER_MS = 4_000;
    static final long TIMEOUT_S = 5;
    /** Failures 1 to 4 are retried after 200, 400, 800 and 1600 ms; the fifth is given up. */
    static final int ATTEMPTS_BEFORE_GIVING_UP = 5;
    static final int POSTS = 4;
    static final Duration SETTLE_LIMIT = Duration.ofMinutes(4);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A post a woman made during the faults: its text, and when she sent it (epoch millis). */
    record Post(String text, long sentAt) {
    }

    /** A row of the node's outbox, as it ended. */
    record Row(String host, String activityId, String state, int attempts, String error, long createdAt,
            Long finishedAt) {
    }

    /** Latency of one page, sampled sequentially. */
    record Pages(int count, int failures, double p50, double p99) {
        static Pages of(PageSampler sampler) {
            return new Pages(sampler.count(), sampler.failures(), sampler.p50Millis(), sampler.p99Millis());
        }
    }

    final Path data = TestNode.freshDataFolder();
    final Map<Kind, FaultyReceiver> receivers = new EnumMap<>(Kind.class);
    final List<Post> posts = new ArrayList<>();
    HearthNode node;
    /** The node's database, opened a second time (as the admin command does) to read the outbox. */
    private Database store;
    String threadPath;
    Pages before;
    Pages during;
    long faultMillis;
    List<Row> rows;
    String adminStatus;

    static FaultScenario run() throws Exception {
        FaultScenario scenario = new FaultScenario();
        try {
            scenario.play();
            return scenario;
        } catch (Exception | Error e) {
            scenario.close();
            throw e;
        }
    }

    private void play() throws Exception {
        node = HearthNode.start(new HearthNode.Settings(0, "127.0.0.1", data, config(), null, true));
        try (ForumClient woman = new ForumClient(url("/"), ForumClient.newJar())) {
            ForumClient.Answer opened = woman.startThread("perinatal", "Tired all the time",
                    "Six weeks in and I cannot keep my eyes open.", "usual");
            assertTrue(opened.acknowledged(), opened.describe());
            threadPath = "/c/perinatal/t/" + opened.threadId();
            try (PageSampler sampler = PageSampler.start(url(threadPath))) {
                sampler.awaitCount(300, Duration.ofSeconds(40));
                sampler.close();
                before = Pages.of(sampler);
            }
            follow();
            long start = System.currentTimeMillis();
            try (PageSampler sampler = PageSampler.start(url(threadPath))) {
                for (int i = 1; i <= POSTS; i++) {
                    String text = "Fault run post " + i + ": the nights are long but we are here.";
                    long sentAt = System.currentTimeMillis();
                    ForumClient.Answer replied = woman.reply("perinatal", opened.threadId(), text, "usual");
                    assertTrue(replied.acknowledged(), replied.describe());
                    posts.add(new Post(text, sentAt));
                    Thread.sleep(1_500);
                }
                Peers.eventually(SETTLE_LIMIT, "every delivery is delivered or given up", () -> pending() == 0);
                faultMillis = System.currentTimeMillis() - start;
                sampler.close();
                during = Pages.of(sampler);
            }
        }
        rows = db(FaultScenario::rows);
        adminStatus = Peers.admin(data, "status");
    }

    /** Each receiver's actor follows circle perinatal; returns once every Accept is queued. */
    private void follow() {
        try (InboxPoster poster = new InboxPoster()) {
            for (Kind kind : Kind.values()) {
                FaultyReceiver receiver = FaultyReceiver.start(kind, 2 + kind.ordinal());
                receivers.put(kind, receiver);
                FakeActor actor = receiver.actor;
                InboxPoster.Answer answer = poster.send(InboxPoster.cavage(url("/c/perinatal/inbox"),
                        Wire.bytes(Wire.follow(actor.newId("follows"), actor.id(), url("/c/perinatal"))), actor));
                assertEquals(202, answer.status(), kind + ": " + answer.reason());
            }
        }
        Peers.eventually(Duration.ofSeconds(60), "an Accept is queued for every follower",
                () -> db(FaultScenario::rows).stream().map(Row::host).distinct().count() == Kind.values().length);
    }

    FaultyReceiver receiver(Kind kind) {
        return receivers.get(kind);
    }

    List<Row> rowsOf(Kind kind) {
        String host = receivers.get(kind).host();
        return rows.stream().filter(r -> r.host().equals(host)).toList();
    }

    private long pending() {
        return db(FaultScenario::rows).stream().filter(r -> r.state().equals(Deliveries.PENDING)).count();
    }

    private <T> T db(Database.Work<T> work) {
        if (store == null) {
            store = Database.sqlite(DataFolder.open(data).database());
        }
        return store.read(work);
    }

    private static List<Row> rows(java.sql.Connection c) throws java.sql.SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT host, activity_id, state, attempts, last_error,"
                + " created_at, finished_at FROM delivery ORDER BY created_at, id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long finished = r.getLong(7);
                Long finishedAt = r.wasNull() ? null : finished;
                rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
                        r.getLong(6), finishedAt));
            }
        }
        return rows;
    }

    private Path config() throws Exception {
        Path config = data.resolve("hearth.yaml");
        try (InputStream in = FaultScenario.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode yaml = (ObjectNode) YAML.readTree(in);
            ObjectNode delivery = ((ObjectNode) yaml.get("federation")).putObject("delivery");
            delivery.put("firstRetry", FIRST_RETRY_MS + "ms");
            delivery.put("longestWait", LONGEST_WAIT_MS + "ms");
            delivery.put("giveUpAfter", GIVE_UP_AFTER_MS + "ms");
            delivery.put("timeout", TIMEOUT_S + "s");
            YAML.writeValue(config.toFile(), yaml);
        }
        return config;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (node != null) {
            node.close();
        }
        receivers.values().forEach(FaultyReceiver::close);
    }
}
