package hearth.node.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.store.Backend;
import hearth.node.store.Database;
import hearth.ui.text.PostFormatter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** "Forget me" and posts that expire, against a real SQLite file and a clock the test moves. */
@ParameterizedClass
@EnumSource(Backend.class)
class TracesTest {

    @Parameter
    Backend backend;

    private static final String HER = "a".repeat(64);
    private static final String SOMEONE_ELSE = "b".repeat(64);
    private static final long DAY = Duration.ofDays(1).toMillis();

    private Path file;
    private Database db;
    private ForumService forum;
    private Traces traces;
    private MovableClock clock;

    @BeforeEach
    void open() {
        if (backend == Backend.SQLITE) {
            file = TestNode.freshDataFolder().resolve("hearth.db");
            db = Database.sqlite(file);
        } else {
            db = backend.open();
        }
        clock = new MovableClock();
        forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), clock);
        forum.applyCircles(List.of(new CircleSeed("perinatal", "Pregnancy and after birth", ""),
                new CircleSeed("everyday", "Everyday", "")));
        traces = forum.traces();
    }

    @AfterEach
    void close() {
        db.close();
    }

    // ---- expiry

    @Test
    void theChosenLifetimeIsStoredOnThePost() {
        PostRef ref = forum.startThread(HER, "perinatal", lasting("Short", "gone in a week", 7));
        assertEquals(clock.millis() + 7 * DAY, post(ref).expiresAt());
        PostRef forever = forum.reply(HER, "perinatal", ref.threadId(), lasting("", "stays", 0));
        assertNull(post(forever).expiresAt());
    }

    @Test
    void aSweepDeletesOnlyThePostsThatAreDue() {
        PostRef day = forum.startThread(HER, "perinatal", lasting("One day", "a", 1));
        PostRef week = forum.startThread(HER, "perinatal", lasting("One week", "b", 7));
        PostRef month = forum.startThread(HER, "perinatal", lasting("One month", "c", 30));
        PostRef forever = forum.startThread(HER, "perinatal", lasting("For ever", "d", 0));

        clock.advance(DAY - 1);
        assertEquals(0, traces.deleteExpired(100), "one millisecond early, nothing goes");
        clock.advance(1);
        assertEquals(1, traces.deleteExpired(100));
        assertTrue(post(day).deleted());
        assertFalse(post(week).deleted());

        clock.advance(6 * DAY);
        assertEquals(1, traces.deleteExpired(100));
        assertTrue(post(week).deleted());
        assertFalse(post(month).deleted());

        clock.advance(365 * DAY);
        assertEquals(1, traces.deleteExpired(100));
        assertTrue(post(month).deleted());
        assertFalse(post(forever).deleted(), "a post she keeps never expires");
        assertEquals(0, traces.deleteExpired(100));
    }

    @Test
    void aSweepGoesInBoundedBatches() {
        for (int i = 0; i < 5; i++) {
            forum.startThread(HER, "everyday", lasting("Thread " + i, "words " + i, 1));
        }
        clock.advance(2 * DAY);
        assertEquals(2, traces.deleteExpired(2));
        assertEquals(2, traces.deleteExpired(2));
        assertEquals(1, traces.deleteExpired(2));
        assertEquals(0, traces.deleteExpired(2));
    }

    @Test
    void anExpiredPostGoesExactlyAsHerOwnDeleteTakesIt() {
        PostRef thread = forum.startThread(HER, "perinatal", lasting("A title that identifies", "opening words", 1));
        PostRef reply = forum.reply(SOMEONE_ELSE, "perinatal", thread.threadId(), lasting("", "a kind reply", 0));
        long before = forum.lastChange();
        clock.advance(DAY);
        traces.deleteExpired(100);

        ForumThread after = forum.thread("perinatal", thread.threadId());
        assertEquals("", after.title(), "the title goes with the opening post");
        assertEquals("", after.posts().get(0).source());
        assertEquals("a kind reply", after.posts().get(1).source(), "the others' replies stay");
        assertTrue(forum.lastChange() > before, "the deletion takes change numbers, for the index and other servers");
        assertTrue(forum.changesSince(before, 100).stream().anyMatch(c -> c.postId().equals(thread.postId()) && c.gone()));
        assertEquals(reply.postId(), after.posts().get(1).id());
    }

    @Test
    void anExpiredOnlyPostTakesItsThreadAway() {
        PostRef thread = forum.startThread(HER, "perinatal", lasting("Alone", "nobody replied", 1));
        clock.advance(DAY);
        traces.deleteExpired(100);
        assertThrows(ForumProblem.NotFound.class, () -> forum.thread("perinatal", thread.threadId()));
    }

    @Test
    void editingKeepsTheExpiry() {
        PostRef ref = forum.startThread(HER, "perinatal", lasting("Title", "first words", 7));
        Long expiresAt = post(ref).expiresAt();
        clock.advance(DAY);
        forum.edit(HER, "perinatal", ref.threadId(), ref.postId(), lasting("Title", "better words", 0));
        assertEquals(expiresAt, post(ref).expiresAt());
    }

    @Test
    void aLifetimeNotOfferedIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> forum.startThread(HER, "perinatal", lasting("Title", "words", 3)));
        assertThrows(IllegalArgumentException.class,
                () -> forum.startThread(HER, "perinatal", lasting("Title", "words", -1)));
    }

    @Test
    void aSweepWithNothingDueWritesNothing() throws Exception {
        forum.startThread(HER, "perinatal", lasting("Later", "not yet", 30));
        if (backend == Backend.SQLITE) {
            try (Connection watcher = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
                long before = dataVersion(watcher);
                assertEquals(0, traces.deleteExpired(100));
                assertEquals(before, dataVersion(watcher), "no transaction was committed");
            }
        } else {
            long before = nextTransactionId();
            assertEquals(0, traces.deleteExpired(100));
            assertEquals(before, nextTransactionId(), "no transaction wrote anything");
        }
    }

    // PostgreSQL gives a transaction an id only when it writes, so the next id stays put while nothing writes.
    private long nextTransactionId() {
        return db.read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Test
    void theExpirerSweepsOnItsOwnThreadAndStopsWhenClosed() throws Exception {
        PostRef ref = forum.startThread(HER, "perinatal", lasting("Soon", "gone soon", 1));
        clock.advance(DAY);
        Expirer expirer = new Expirer(traces, Duration.ofMillis(50));
        try {
            expirer.start();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!post(ref).deleted() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(post(ref).deleted());
            assertTrue(expirer.running());
        } finally {
            expirer.close();
        }
        assertFalse(expirer.running(), "closing stops the thread");
    }

    // ---- forget me

    @Test
    void thePreviewCountsHerPostsHerThreadsAndTheRepliesThatStay() {
        PostRef mine = forum.startThread(HER, "perinatal", lasting("Mine", "opening", 0));
        forum.reply(SOMEONE_ELSE, "perinatal", mine.threadId(), lasting("", "reply one", 0));
        forum.reply(SOMEONE_ELSE, "perinatal", mine.threadId(), lasting("", "reply two", 0));
        forum.reply(HER, "perinatal", mine.threadId(), lasting("", "my own reply", 0));
        PostRef theirs = forum.startThread(SOMEONE_ELSE, "everyday", lasting("Theirs", "x", 0));
        forum.reply(HER, "everyday", theirs.threadId(), lasting("", "my reply there", 0));
        PostRef deleted = forum.reply(HER, "everyday", theirs.threadId(), lasting("", "already gone", 0));
        forum.delete(HER, "everyday", theirs.threadId(), deleted.postId());

        Traces.Forgetting preview = traces.preview(HER);
        assertEquals(new Traces.Forgetting(3, 1, 2), preview);
        assertEquals(preview, traces.forget(HER), "forget does what the preview said");
    }

    @Test
    void forgettingDeletesEveryPostOfHersAndNobodyElses() {
        PostRef mine = forum.startThread(HER, "perinatal", lasting("Mine", "opening", 0));
        PostRef theirReply = forum.reply(SOMEONE_ELSE, "perinatal", mine.threadId(), lasting("", "stays", 0));
        PostRef theirs = forum.startThread(SOMEONE_ELSE, "everyday", lasting("Theirs", "their words", 0));
        PostRef myReply = forum.reply(HER, "everyday", theirs.threadId(), lasting("", "my words", 7));

        traces.forget(HER);

        assertTrue(post(mine).deleted());
        assertTrue(post(myReply).deleted());
        assertEquals("", forum.thread("perinatal", mine.threadId()).title());
        assertFalse(post(theirReply).deleted());
        assertFalse(post(theirs).deleted());
        assertEquals("their words", post(theirs).source());
    }

    @Test
    void forgettingAlsoErasesHeldPosts() {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE circle SET posting_policy = 'hold-all' WHERE name = 'everyday'");
            }
            return null;
        });
        PostRef held = forum.startThread(HER, "everyday", lasting("Waiting", "held words", 0));
        assertTrue(post(held).held());
        assertEquals(1, traces.forget(HER).posts());
        assertTrue(post(held).deleted());
        assertEquals("", post(held).source());
    }

    @Test
    void afterForgettingHerIdLeadsToNothing() {
        forum.startThread(HER, "perinatal", lasting("Mine", "opening", 0));
        assertTrue(traces.known(HER));
        traces.forget(HER);
        assertFalse(traces.known(HER), "her recovery phrase no longer finds her");
        assertTrue(forum.usualPseudonym(HER).isEmpty());
        assertTrue(forum.postsBy(HER).isEmpty(), "not even the list of where she wrote");
        assertEquals(new Traces.Forgetting(0, 0, 0), traces.preview(HER));
    }

    @Test
    void herPseudonymsGoToNobodyNotToSomeoneElse() {
        PostRef mine = forum.startThread(HER, "perinatal", lasting("Mine", "opening", 0));
        traces.forget(HER);
        String owner = post(mine).authorId();
        assertNotNull(owner);
        assertFalse(owner.equals(HER) || owner.equals(SOMEONE_ELSE));
        assertEquals(64, owner.length());
    }

    @Test
    void forgettingTakesChangeNumbersForEveryPost() {
        PostRef thread = forum.startThread(HER, "perinatal", lasting("Mine", "opening", 0));
        PostRef reply = forum.reply(HER, "perinatal", thread.threadId(), lasting("", "reply", 0));
        long before = forum.lastChange();
        traces.forget(HER);
        var gone = forum.changesSince(before, 100).stream().filter(PostChange::gone).map(PostChange::postId).toList();
        assertTrue(gone.containsAll(List.of(thread.postId(), reply.postId())), gone.toString());
    }

    @Test
    void anAuthorIdIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> traces.forget(null));
        assertThrows(IllegalArgumentException.class, () -> traces.preview(" "));
    }

    // ---- helpers

    private static Draft lasting(String title, String body, int days) {
        return new Draft(title, body, PseudonymChoice.USUAL, "", days);
    }

    private Post post(PostRef ref) {
        return db.read(c -> new ForumStore().post(c, ref.postId())).orElseThrow();
    }

    private static long dataVersion(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA data_version")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static final class MovableClock extends Clock {
        private volatile long millis = Instant.parse("2026-11-01T10:00:00Z").toEpochMilli();

        void advance(long by) {
            millis += by;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
