package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing she reads is recorded: every reading page, read many times with and without her
 * cookie, leaves the database exactly as it was (no commit at all, by SQLite's own
 * {@code data_version}, and every table's rows unchanged), and no table has a column that could
 * hold views, reads or visits.
 */
class ReadingLeavesNoTraceIT {

    private static final int ROUNDS = 12;
    private static final String JSON = "application/activity+json";
    /** Words a column or table recording reading would be named with. */
    private static final Set<String> READING_WORDS = Set.of("view", "views", "viewed", "viewer", "viewers",
            "read", "reads", "reader", "readers", "seen", "visit", "visits", "visited", "visitor", "visitors",
            "impression", "impressions", "hit", "hits", "opened", "receipt", "receipts", "click", "clicks");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private static TestNode node;
    private static Browser her;
    private static String thread;
    private static String replyId;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        her = new Browser(node);
        Browser other = new Browser(node);
        thread = her.startThread("perinatal", "Reading quietly", "Some words about sleepless nights.");
        replyId = Browser.postId(other.reply(thread, "Sleepless here too."));
        her.reply(thread, "Thank you for reading.");
        other.startThread("everyday", "Another thread", "More sleepless words.");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void readingEveryPageManyTimesChangesNothingInTheDatabase() throws Exception {
        List<Request> pages = readingPages();
        try (DatabasePeek db = new DatabasePeek(node)) {
            Map<String, String> cold = settled(db);
            // An actor's signing keys are made once, the first time it is served to anyone (its document
            // carries its public key). That is the only write a first read may cause, and never a second.
            for (Request page : pages) {
                assertReads(page, her);
            }
            Map<String, String> before = settled(db);
            Set<String> warmedUp = new java.util.TreeSet<>(before.keySet());
            warmedUp.removeIf(table -> before.get(table).equals(cold.get(table)));
            assertTrue(Set.of("actor_key").containsAll(warmedUp), "a first read changed " + warmedUp);
            long version = db.dataVersion();

            Browser anonymous = new Browser(node);
            for (int round = 0; round < ROUNDS; round++) {
                for (Request page : pages) {
                    assertReads(page, her);
                    assertReads(page, anonymous);
                    assertReads(page, new Browser(node));
                }
            }

            assertEquals(before, db.contents(), "every table holds exactly what it held");
            assertEquals(version, db.dataVersion(), "nothing was committed while she read");
            assertFalse(anonymous.hasCookies(), "reading gave a stranger no cookie");

            // The instrument can see a write: posting once does change it.
            her.reply(thread, "One more word.");
            assertNotEquals(version, db.dataVersion());
        }
    }

    @Test
    void noTableHasAColumnForViewsReadsOrVisits() {
        try (DatabasePeek db = new DatabasePeek(node)) {
            List<String> found = new ArrayList<>();
            List<String> tables = db.tables();
            assertTrue(tables.containsAll(List.of("post", "thread", "author", "pseudonym")), tables.toString());
            for (String table : tables) {
                if (recordsReading(table)) {
                    found.add(table);
                }
                for (String column : db.columns(table)) {
                    if (recordsReading(column)) {
                        found.add(table + "." + column);
                    }
                }
            }
            assertEquals(List.of(), found);
            assertTrue(recordsReading("view_count") && recordsReading("last_seen_at") && !recordsReading("thread_id"),
                    "the check itself tells a reading column from an innocent one");
        }
    }

    // ---- what is read

    private record Request(String path, String accept) {
    }

    private static List<Request> readingPages() throws Exception {
        String threadId = Browser.threadId(thread);
        String circleNext = "/c/perinatal?after=" + Long.MAX_VALUE + "-" + threadId;
        List<Request> pages = new ArrayList<>(List.of(
                html("/"), html("/about"), html("/c/perinatal"), html("/c/everyday"), html(circleNext), html(thread),
                html("/search?q=sleepless"), html("/search?q=sleepless&scope=local"), html("/mine"),
                html("/me/phrase"), html("/me/restore"), html("/me/forget"), html("/c/perinatal/new"),
                html("/c/perinatal/feed.atom"), html(thread + "/feed.atom"), html("/help"), html("/safety"),
                html("/static/hearth.css"), html("/static/hearth.js"), html("/healthz"),
                json("/c/perinatal"), json(thread), json(thread + "/context"), json(thread + "/p/" + replyId),
                json("/c/perinatal/outbox"), json("/c/perinatal/followers"),
                json("/actor"), json("/.well-known/nodeinfo"), json("/nodeinfo/2.1"),
                json("/.well-known/webfinger?resource=acct:perinatal@127.0.0.1:" + node.port())));
        Matcher person = Pattern.compile("\"attributedTo\"\\s*:\\s*\"[^\"]*(/u/[^\"]+)\"")
                .matcher(fetch(json(thread)).body());
        assertTrue(person.find(), "the thread names its author's actor");
        pages.add(json(person.group(1)));
        return pages;
    }

    private static Request html(String path) {
        return new Request(path, "text/html");
    }

    private static Request json(String path) {
        return new Request(path, JSON);
    }

    private static void assertReads(Request page, Browser browser) {
        HttpResponse<String> response = page.accept().equals(JSON) ? fetch(page)
                : browser.get(page.path());
        assertEquals(200, response.statusCode(), () -> page + " should be readable");
        if (browser != her) {
            assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), () -> page + " set a cookie on a reader");
        }
    }

    private static HttpResponse<String> fetch(Request page) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/") + page.path().substring(1)))
                    .header("Accept", page.accept()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(page + " could not be fetched", e);
        }
    }

    /** The tables once the node's own background work (the outbox's bookkeeping, the index) is done. */
    private static Map<String, String> settled(DatabasePeek db) throws InterruptedException {
        Map<String, String> last = db.contents();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(1500);
            Map<String, String> now = db.contents();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the node kept writing on its own");
    }

    private static boolean recordsReading(String name) {
        for (String word : name.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (READING_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
