package hearth.node.federation;

import static hearth.node.federation.Peers.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.node.TestConfigs;
import hearth.node.process.ForumClient;
import hearth.node.process.NodeProcess;
import hearth.node.store.Database;
import hearth.node.store.PgServer;
import hearth.node.store.StorageUrl;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two node processes on one PostgreSQL database, as behind a reverse proxy (both announce the
 * first one's address, which stands in for the proxy): what one writes the other serves and
 * finds, a form fetched from one is accepted by the other, and a follower on a third node
 * (SQLite) gets each post once although both processes follow the change sequence.
 */
class SeveralProcessesIT {

    /** The issue's promise for search on the other process, with room for a loaded 2-core machine. */
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    private static final Duration SOON = Duration.ofSeconds(30);

    private static StorageUrl database;
    private static NodeProcess first;
    private static NodeProcess second;
    private static NodeProcess follower;
    private static Path followerData;

    @BeforeAll
    static void startProcesses() throws Exception {
        PgServer server = PgServer.shared();
        database = server.emptyDatabase();
        int firstPort = NodeProcess.anyFreePort();
        String publicUrl = "http://127.0.0.1:" + firstPort;
        first = NodeProcess.start(onPostgres("multi-one", server), "multi-one", firstPort, args(publicUrl, "multi-one"));
        second = NodeProcess.start(onPostgres("multi-two", server), "multi-two", NodeProcess.anyFreePort(),
                args(publicUrl, "multi-two"));
        followerData = Peers.freshData("multi-follower");
        follower = Peers.start(followerData, "multi-follower", NodeProcess.anyFreePort());
    }

    private static final java.util.Map<String, Path> CONFIGS = new java.util.HashMap<>();

    private static Path onPostgres(String name, PgServer server) throws Exception {
        Path data = Peers.freshData(name);
        Path config = data.resolve("hearth.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode tree = (ObjectNode) yaml.readTree(TestConfigs.withoutVisitorLimits(data).toFile());
        tree.putObject("storage").put("url", server.configUrl(database));
        yaml.writeValue(config.toFile(), tree);
        CONFIGS.put(name, config);
        return data;
    }

    private static List<String> args(String publicUrl, String name) {
        List<String> extra = new ArrayList<>(Peers.LOOPBACK);
        extra.addAll(List.of("--config", CONFIGS.get(name).toString(), "--public-url", publicUrl));
        return extra;
    }

    @AfterAll
    static void stopProcesses() {
        for (NodeProcess process : new NodeProcess[] {first, second, follower}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void aThreadPostedThroughOneIsReadAndFoundThroughTheOther() throws Exception {
        // A first search loads the analyzers and warms the code: what is measured below is the index's lag.
        Peers.page(second, "/search?q=warm");
        try (ForumClient her = Peers.reader(first)) {
            ForumClient.Answer posted = her.startThread("everyday", "Orchard at dawn",
                    "The quince orchard behind the house smells of rain.", "usual");
            assertTrue(posted.acknowledged(), posted.describe());
            long postedAt = System.nanoTime();
            String thread = "/c/everyday/t/" + posted.threadId();
            assertEquals(1, Peers.page(second, thread).select("li.post").size(), "the other process serves it");
            long waited = waitUntil(SOON,
                    () -> !Peers.page(second, "/search?q=quince").select("ol.results > li").isEmpty(), postedAt);
            assertTrue(waited >= 0, "the other process's search never found the new thread");
            assertTrue(waited <= WITHIN_A_SECOND.toMillis(),
                    "the other process's search found the new thread after " + waited + " ms");
        }
    }

    @Test
    void aFormFromOneProcessIsAcceptedByTheOther() throws Exception {
        CookieManager jar = ForumClient.newJar();
        try (ForumClient throughFirst = new ForumClient(first.url("/"), jar);
             HttpClient toSecond = HttpClient.newBuilder().cookieHandler(jar)
                     .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build()) {
            ForumClient.Answer posted = throughFirst.startThread("everyday", "Bread that would not rise",
                    "Third try at sourdough this week.", "usual");
            assertTrue(posted.acknowledged(), posted.describe());
            String thread = "/c/everyday/t/" + posted.threadId();
            Element csrf = Jsoup.parse(throughFirst.get(thread).body())
                    .selectFirst("form.compose input[type=hidden][name=csrf]");
            assertTrue(csrf != null && !csrf.attr("value").isEmpty(), "the first process's page has a reply form");
            String form = "csrf=" + enc(csrf.attr("value")) + "&body=" + enc("Mine never rises either.")
                    + "&pseudonym=usual";
            HttpResponse<String> reply = toSecond.send(HttpRequest.newBuilder(second.url(thread + "/reply"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, reply.statusCode(), "the second process accepts the first one's form: " + reply.body());
            assertEquals(2, Peers.page(first, thread).select("li.post").size(), "the reply shows on the first");
        }
    }

    @Test
    void aFollowerGetsEachPostOnceFromTwoProcesses() throws Exception {
        String circle = "perinatal@" + Peers.host(first);
        Peers.admin(followerData, "follow", circle);
        eventually(SOON, "the processes count a follower",
                () -> Peers.json(second, "/c/perinatal/followers").contains("\"totalItems\":1"));
        String[] titles = {"Night feeds, shared database", "Teething at three months", "Sleep regression again"};
        try (ForumClient throughFirst = Peers.reader(first); ForumClient throughSecond = Peers.reader(second)) {
            for (int i = 0; i < titles.length; i++) {
                ForumClient client = i % 2 == 0 ? throughSecond : throughFirst;
                ForumClient.Answer posted = client.startThread("perinatal", titles[i], "Tired but here.", "usual");
                assertTrue(posted.acknowledged(), posted.describe());
            }
        }
        for (String title : titles) {
            eventually(SOON, "the thread reaches the follower: " + title,
                    () -> Peers.threadPath(follower, circle, title) != null);
        }
        try (Database db = Database.postgres(database)) {
            eventually(SOON, "every delivery is done",
                    () -> count(db, "SELECT COUNT(*) FROM delivery WHERE state <> 'delivered'") == 0);
            assertEquals(count(db, "SELECT COUNT(DISTINCT activity_id || ' ' || inbox) FROM delivery"),
                    count(db, "SELECT COUNT(*) FROM delivery"), "one delivery per activity and inbox");
        }
        for (String title : titles) {
            long shown = Peers.page(follower, "/c/" + circle).select("a[href*=/t/]").stream()
                    .filter(link -> link.text().contains(title)).count();
            assertEquals(1, shown, "the thread arrived once: " + title);
        }
    }

    /** Milliseconds from {@code since} until the condition held, or -1 if it did not within {@code limit}. */
    private static long waitUntil(Duration limit, java.util.function.BooleanSupplier condition, long since) {
        long deadline = since + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                long took = (System.nanoTime() - since) / 1_000_000;
                return System.nanoTime() <= deadline ? took : -1;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
