package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.Main;
import hearth.node.TestNode;
import hearth.node.backup.Manifest;
import hearth.node.backup.TableDigests;
import hearth.node.config.DataFolder;
import hearth.node.federation.Deliveries;
import hearth.node.federation.Follows;
import hearth.node.store.Database;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code hearth backup} of a node with posts, reactions, moderation, follows and outbox rows, taken
 * while the node serves writes, and {@code hearth restore} into a fresh node that shows the same
 * threads, finds the same posts (its search index rebuilt from the store), and holds a store with
 * the manifest's counts and checksums.
 */
class BackupRestoreIT {

    private static final String WORD = "lighthouse";

    @Test
    void aBackupTakenWhileServingRestoresIntoAnEqualNode() throws Exception {
        Path backup = TestNode.freshDataFolder().resolveSibling("backup-" + System.nanoTime());
        Path fresh = TestNode.freshDataFolder();
        List<String> threads = new ArrayList<>();
        Map<String, String> pages = new LinkedHashMap<>();
        List<String> found;
        String busyThread;
        int writesBefore;
        AtomicInteger writesDuring = new AtomicInteger();
        try (TestNode node = TestNode.start()) {
            Moderators.add(node, "maya", true);
            Browser ana = new Browser(node);
            for (int i = 0; i < 4; i++) {
                String thread = ana.startThread(i % 2 == 0 ? "perinatal" : "survivors", "Night " + i,
                        "The " + WORD + " keeps me company at night " + i + ".");
                new Browser(node).reply(thread, "Same here, " + WORD + " and tea " + i + ".");
                threads.add(thread);
            }
            String removed = new Browser(node).reply(threads.get(1), "Here is her address: 12 Quillfeather Lane");
            Browser.seeOther(Moderators.act(Moderators.signedIn(node, "maya"), Browser.postId(removed), "remove",
                    "reason", "It identifies someone"));
            react(new Browser(node), threads.get(0));
            try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
                db.write(c -> {
                    Follows.request(c, "perinatal@b.example", System.currentTimeMillis());
                    return Deliveries.enqueue(c, URI.create("https://a.example/activities/1"),
                            "{}".getBytes(StandardCharsets.UTF_8), "https://a.example/actor",
                            List.of(URI.create("https://b.example/inbox")), System.currentTimeMillis());
                });
            }
            busyThread = ana.startThread("everyday", "Busy day", "Writing while the backup runs.");
            writesBefore = 1;
            for (String thread : threads) {
                pages.put(thread, posts(new Browser(node).page(thread)));
            }
            found = waitForSearch(node, 8);

            // Writes go on while the backup is taken: it must neither block them nor tear.
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    while (writing.get()) {
                        replyOnce(new Browser(node), busyThread, writesDuring);
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            awaitWrites(writesDuring, 3, failed);
            int exit = cli("backup", backup.toString(), "--data", node.data().toString());
            awaitWrites(writesDuring, writesDuring.get() + 3, failed);
            writing.set(false);
            writer.join(60_000);
            assertEquals(0, exit, "backup exit code");
            assertEquals(null, failed.get(), "writes go on while the backup runs");
        }

        Manifest manifest = Manifest.read(backup);
        assertEquals(Manifest.SQLITE, manifest.kind());
        for (String table : List.of("post", "thread", "reaction", "modlog", "followed_circle", "delivery")) {
            assertTrue(manifest.tables().get(table).rows() > 0, () -> table + " has rows in the backup");
        }
        assertFalse(manifest.files().keySet().stream().anyMatch(f -> f.contains("index")), "no search index");

        assertEquals(0, cli("restore", backup.toString(), "--data", fresh.toString()));
        assertTrue(manifest.tables().get("post").rows() >= 4 * 2 + 1 + writesBefore, "the posts before the backup");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fresh.resolve("hearth.db"))) {
            assertEquals(manifest.tables(), TableDigests.of(c), "the restored store's counts and checksums");
            try (ResultSet r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertTrue(r.next());
                assertEquals("ok", r.getString(1));
            }
        }
        assertEquals(1, cli("restore", backup.toString(), "--data", fresh.toString()), "never over a node");

        try (TestNode restored = TestNode.startOn(fresh)) {
            for (String thread : threads) {
                assertEquals(pages.get(thread), posts(new Browser(restored).page(thread)), thread);
            }
            Document removedThread = new Browser(restored).page(threads.get(1));
            assertTrue(removedThread.text().contains("Removed by moderators: It identifies someone"));
            int busy = Browser.posts(new Browser(restored).page(busyThread)).size();
            assertTrue(busy >= writesBefore + 3 && busy <= writesBefore + writesDuring.get(),
                    () -> "a snapshot of the busy thread, not " + busy);
            assertEquals(found, waitForSearch(restored, found.size()), "search finds the same posts");
        }
        assertFalse(Files.exists(fresh.resolve("hearth.yaml")));
    }

    /** One reply; the node's visitor limits may ask for a pause (429), which is waited out, not a failure. */
    private static void replyOnce(Browser browser, String thread, AtomicInteger written) throws InterruptedException {
        var answer = browser.postForm(thread + "/reply", Browser.fields(Browser.csrfFrom(browser.page(thread)), null,
                "Another line " + (written.get() + 1), "usual"));
        if (answer.statusCode() == 303) {
            written.incrementAndGet();
        } else if (answer.statusCode() == 429) {
            Thread.sleep(500);
        } else {
            throw new AssertionError("a reply during the backup was answered " + answer.statusCode());
        }
    }

    private static void awaitWrites(AtomicInteger written, int atLeast, AtomicReference<Throwable> failed)
            throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (written.get() < atLeast && failed.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(written.get() >= atLeast, () -> "replies keep being written: " + written.get());
    }

    private static int cli(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    private static String posts(Document thread) {
        return thread.selectFirst("h1").text() + " | " + String.join(" | ", Browser.posts(thread).stream()
                .map(Element::text).toList());
    }

    private static void react(Browser browser, String thread) {
        String post = Browser.posts(browser.page(thread)).getFirst().id().substring(2);
        Document page = browser.page(thread + "?r=" + post);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", page.getElementById("p-" + post).selectFirst("form.reactions input[name=csrf]").val());
        fields.put("kind", "support");
        Browser.seeOther(browser.postForm(thread + "/p/" + post + "/react", fields));
    }

    /** The result links for WORD once there are at least {@code expected} (the index catches up in the background). */
    private static List<String> waitForSearch(TestNode node, int expected) throws InterruptedException {
        List<String> links = List.of();
        for (int i = 0; i < 300 && links.size() < expected; i++) {
            links = Browser.html(new Browser(node).get("/search?q=" + WORD)).select("ol.results > li > a")
                    .eachAttr("href").stream().sorted().toList();
            if (links.size() < expected) {
                Thread.sleep(100);
            }
        }
        assertTrue(links.size() >= expected, () -> "search should find the seeded posts");
        return links;
    }
}
