package hearth.node.federation;

import static hearth.node.federation.Peers.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.node.process.ForumClient;
import hearth.node.process.NodeProcess;
import hearth.node.store.Database;
import hearth.node.store.PgServer;
import hearth.node.store.StorageUrl;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node process configured with {@code storage.url} on a real PostgreSQL server: posting,
 * reading and search over HTTP, and federation delivery to a follower on another node (SQLite),
 * sent once.
 */
class PostgresNodeIT {

    private static final Duration SOON = Duration.ofSeconds(30);

    private static StorageUrl database;
    private static NodeProcess onPostgres;
    private static NodeProcess follower;
    private static Path followerData;

    @BeforeAll
    static void startNodes() throws Exception {
        database = PgServer.shared().emptyDatabase();
        onPostgres = startOn(database, "pg-node");
        followerData = Peers.freshData("pg-follower");
        follower = Peers.start(followerData, "pg-follower", NodeProcess.anyFreePort());
    }

    @AfterAll
    static void stopNodes() {
        for (AutoCloseable closeable : new AutoCloseable[] {onPostgres, follower}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    void aThreadPostedIsReadAndFoundOnPostgres() throws Exception {
        try (ForumClient her = Peers.reader(onPostgres)) {
            ForumClient.Answer posted = her.startThread("everyday", "Lighthouse keeper dreams",
                    "Every night I dream of a lighthouse on a quiet island.", "usual");
            assertTrue(posted.acknowledged(), posted.describe());
            ForumClient.Answer reply = her.reply("everyday", posted.threadId(), "And the sea was calm.", "usual");
            assertTrue(reply.acknowledged(), reply.describe());
            String thread = "/c/everyday/t/" + posted.threadId();
            assertEquals(2, Peers.page(onPostgres, thread).select("li.post").size());
            eventually(SOON, "search finds the new thread",
                    () -> !Peers.page(onPostgres, "/search?q=lighthouse").select("ol.results > li").isEmpty());
        }
        try (Database db = Database.postgres(database)) {
            assertEquals(2L, count(db, "SELECT COUNT(*) FROM post"), "the posts are in PostgreSQL");
        }
    }

    @Test
    void aFollowerOnAnotherNodeGetsEachPostOnce() throws Exception {
        String circle = "perinatal@" + Peers.host(onPostgres);
        Peers.admin(followerData, "follow", circle);
        eventually(SOON, "the node on PostgreSQL counts a follower",
                () -> Peers.json(onPostgres, "/c/perinatal/followers").contains("\"totalItems\":1"));
        try (ForumClient her = Peers.reader(onPostgres)) {
            ForumClient.Answer posted = her.startThread("perinatal", "Night feeds from a shared database",
                    "The baby wakes every two hours.", "usual");
            assertTrue(posted.acknowledged(), posted.describe());
        }
        eventually(SOON, "the thread reaches the follower",
                () -> Peers.threadPath(follower, circle, "Night feeds from a shared database") != null);
        try (Database db = Database.postgres(database)) {
            eventually(SOON, "every delivery is done", () -> count(db,
                    "SELECT COUNT(*) FROM delivery WHERE state <> 'delivered'") == 0);
            assertEquals(count(db, "SELECT COUNT(DISTINCT activity_id) FROM delivery"),
                    count(db, "SELECT COUNT(*) FROM delivery"), "one delivery per activity to the one inbox");
        }
        List<Element> links = new ArrayList<>();
        for (Element link : Peers.page(follower, "/c/" + circle).select("a[href*=/t/]")) {
            if (link.text().contains("Night feeds from a shared database")) {
                links.add(link);
            }
        }
        assertEquals(1, links.size(), "the thread arrived once");
    }

    @Test
    void whenTheDatabaseGoesSheKeepsHerWordsAndTheNodeStillStops() throws Exception {
        StorageUrl gone = PgServer.shared().freshDatabase();
        NodeProcess node = startOn(gone, "pg-gone");
        try (ForumClient her = Peers.reader(node)) {
            assertTrue(her.startThread("everyday", "Before the server went", "Still here.", "usual").acknowledged());
            String form = her.get("/c/everyday/new").body();
            PgServer.shared().dropNow(gone);
            ForumClient.Answer failed = her.send("/c/everyday/new", form, Map.of("title", "Awake at four",
                    "body", "The words I do not want to lose.", "pseudonym", "usual"));
            assertEquals(500, failed.status(), failed.describe());
            Document page = Jsoup.parse(failed.body());
            assertEquals("Something went wrong on our side", page.selectFirst("h1").text());
            assertEquals("Awake at four", page.selectFirst("textarea#kept-title").text());
            assertEquals("The words I do not want to lose.", page.selectFirst("textarea#kept-body").text());
            assertEquals("What you wrote is safe here", page.selectFirst("section.kept h2").text());
        }
        // An operator's stop must not hang on a database that will not answer (it took over 30 s when it did).
        node.stop(Duration.ofSeconds(20));
    }

    /** A node process whose configuration stores everything in {@code database}. */
    private static NodeProcess startOn(StorageUrl database, String name) throws Exception {
        Path data = Peers.freshData(name);
        Path config = data.resolve("hearth.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = PostgresNodeIT.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode tree = (ObjectNode) yaml.readTree(in);
            tree.putObject("storage").put("url", PgServer.shared().configUrl(database));
            yaml.writeValue(config.toFile(), tree);
        }
        List<String> extra = new ArrayList<>(Peers.LOOPBACK);
        extra.addAll(List.of("--config", config.toString()));
        return NodeProcess.start(data, name, NodeProcess.anyFreePort(), extra);
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
