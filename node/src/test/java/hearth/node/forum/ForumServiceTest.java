package hearth.node.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.store.Backend;
import hearth.node.store.Database;
import hearth.ui.i18n.Text;
import hearth.ui.text.PostFormatter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The forum's rules, against a real SQLite file and a real PostgreSQL database. */
@ParameterizedClass
@EnumSource(Backend.class)
class ForumServiceTest {

    @Parameter
    Backend backend;

    private static final String HER = "a".repeat(64);
    private static final String SOMEONE_ELSE = "b".repeat(64);

    private Database db;
    private ForumService forum;
    private MutableClock clock;

    @BeforeEach
    void open() {
        db = backend.open();
        clock = new MutableClock();
        forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), clock);
        forum.applyCircles(List.of(new CircleSeed("perinatal", "Pregnancy and after birth", "Before and after."),
                new CircleSeed("everyday", "Everyday", "")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void circlesKeepTheOrderOfTheConfiguration() {
        assertEquals(List.of("perinatal", "everyday"), forum.circles().stream().map(Circle::name).toList());
    }

    @Test
    void applyingCirclesAgainUpdatesTitlesWithoutDuplicating() {
        forum.applyCircles(List.of(new CircleSeed("perinatal", "Perinatal", "New words")));
        assertEquals("Perinatal", forum.circle("perinatal").title());
        assertEquals(2, forum.circles().size());
    }

    @Test
    void aThreadShowsItsTitleBodyAndPseudonym() {
        PostRef ref = forum.startThread(HER, "perinatal", draft("Can't sleep", "Since the *baby* came"));
        ForumThread thread = forum.thread("perinatal", ref.threadId());
        assertEquals("Can't sleep", thread.title());
        Post opening = thread.posts().get(0);
        assertTrue(opening.opening());
        assertEquals("<p>Since the <em>baby</em> came</p>", opening.html().strip());
        assertTrue(opening.pseudonym().matches("[A-Z][a-z]+ [A-Z][a-z]+ \\d{4}"), opening.pseudonym());
    }

    @Test
    void herUsualPseudonymStaysTheSameAcrossThreads() {
        PostRef first = forum.startThread(HER, "perinatal", draft("One", "first"));
        PostRef second = forum.startThread(HER, "everyday", draft("Two", "second"));
        assertEquals(pseudonymOf(first), pseudonymOf(second));
        assertEquals(forum.usualPseudonym(HER).orElseThrow(), pseudonymOf(first));
    }

    @Test
    void twoAuthorsNeverShareAPseudonym() {
        PostRef hers = forum.startThread(HER, "perinatal", draft("One", "first"));
        PostRef theirs = forum.reply(SOMEONE_ELSE, "perinatal", hers.threadId(), draft("", "hello"));
        assertNotEquals(pseudonymOf(hers), pseudonymOf(theirs));
    }

    @Test
    void aOneOffPseudonymIsNewAndReusedOnlyWithinItsThread() {
        PostRef usual = forum.startThread(HER, "perinatal", draft("Mine", "usual name"));
        PostRef other = forum.startThread(SOMEONE_ELSE, "perinatal", draft("Theirs", "hi"));
        PostRef oneOff = forum.reply(HER, "perinatal", other.threadId(), oneOff("a reply"));
        PostRef again = forum.reply(HER, "perinatal", other.threadId(), oneOff("another"));
        assertNotEquals(pseudonymOf(usual), pseudonymOf(oneOff));
        assertEquals(pseudonymOf(oneOff), pseudonymOf(again));
        PostRef elsewhere = forum.reply(HER, "perinatal", usual.threadId(), oneOff("elsewhere"));
        assertNotEquals(pseudonymOf(oneOff), pseudonymOf(elsewhere));
    }

    @Test
    void repliesBumpTheThreadAndCountInTheCircle() {
        PostRef older = forum.startThread(HER, "perinatal", draft("Older", "a"));
        clock.advance(1000);
        PostRef newer = forum.startThread(HER, "perinatal", draft("Newer", "b"));
        clock.advance(1000);
        forum.reply(SOMEONE_ELSE, "perinatal", older.threadId(), draft("", "reply"));
        List<ThreadSummary> list = forum.threads("perinatal", null).items();
        assertEquals(List.of(older.threadId(), newer.threadId()), list.stream().map(ThreadSummary::id).toList());
        assertEquals(1, list.get(0).replyCount());
    }

    @Test
    void circlePagesWalkEveryThreadOnceInOrder() {
        int total = ForumService.THREADS_PER_PAGE * 2 + 5;
        for (int i = 0; i < total; i++) {
            clock.advance(i % 3 == 0 ? 0 : 1); // several threads share a moment: the cursor must still be exact
            forum.startThread(HER, "everyday", draft("Thread " + i, "body " + i));
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<ThreadSummary> page = forum.threads("everyday", cursor);
            page.items().forEach(t -> seen.add(t.title()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(total, seen.size());
        assertEquals(total, new java.util.HashSet<>(seen).size());
        assertEquals("Thread " + (total - 1), seen.get(0));
    }

    @Test
    void aGarbledCursorShowsTheFirstPage() {
        forum.startThread(HER, "everyday", draft("Only", "one"));
        assertEquals(1, forum.threads("everyday", "zz-not-a-cursor").items().size());
    }

    @Test
    void sheCanEditHerPostAndTheTitle() {
        PostRef ref = forum.startThread(HER, "perinatal", draft("Typo tittle", "first words"));
        clock.advance(5000);
        forum.edit(HER, "perinatal", ref.threadId(), ref.postId(), draft("Title", "better words"));
        ForumThread thread = forum.thread("perinatal", ref.threadId());
        assertEquals("Title", thread.title());
        assertEquals("better words", thread.posts().get(0).source());
        assertTrue(thread.posts().get(0).edited());
    }

    @Test
    void nobodyElseCanEditOrDeleteHerPost() {
        PostRef ref = forum.startThread(HER, "perinatal", draft("Mine", "my words"));
        assertThrows(ForumProblem.NotYours.class,
                () -> forum.edit(SOMEONE_ELSE, "perinatal", ref.threadId(), ref.postId(), draft("X", "changed")));
        assertThrows(ForumProblem.NotYours.class,
                () -> forum.delete(SOMEONE_ELSE, "perinatal", ref.threadId(), ref.postId()));
        assertThrows(ForumProblem.NotYours.class,
                () -> forum.delete(null, "perinatal", ref.threadId(), ref.postId()));
        assertEquals("my words", forum.thread("perinatal", ref.threadId()).posts().get(0).source());
    }

    @Test
    void deletingAReplyErasesItsWordsButKeepsItsPlace() {
        PostRef thread = forum.startThread(HER, "perinatal", draft("Title", "opening"));
        PostRef reply = forum.reply(SOMEONE_ELSE, "perinatal", thread.threadId(), draft("", "secret words"));
        forum.reply(HER, "perinatal", thread.threadId(), draft("", "later reply"));
        assertTrue(forum.delete(SOMEONE_ELSE, "perinatal", thread.threadId(), reply.postId()));
        List<Post> posts = forum.thread("perinatal", thread.threadId()).posts();
        assertEquals(3, posts.size());
        assertTrue(posts.get(1).deleted());
        assertEquals("", posts.get(1).source());
        assertEquals("", posts.get(1).html());
        assertEquals("later reply", posts.get(2).source());
        assertEquals(1, forum.threads("perinatal", null).items().get(0).replyCount());
    }

    @Test
    void deletingTheOpeningPostErasesTheTitleAndKeepsReplies() {
        PostRef thread = forum.startThread(HER, "perinatal", draft("Something identifying", "opening"));
        forum.reply(SOMEONE_ELSE, "perinatal", thread.threadId(), draft("", "a kind reply"));
        assertTrue(forum.delete(HER, "perinatal", thread.threadId(), thread.postId()));
        ForumThread after = forum.thread("perinatal", thread.threadId());
        assertTrue(after.titleDeleted());
        assertEquals("a kind reply", after.posts().get(1).source());
    }

    @Test
    void aThreadWithNothingLeftDisappears() {
        PostRef thread = forum.startThread(HER, "perinatal", draft("Alone", "nobody replied"));
        assertFalse(forum.delete(HER, "perinatal", thread.threadId(), thread.postId()));
        assertThrows(ForumProblem.NotFound.class, () -> forum.thread("perinatal", thread.threadId()));
        assertTrue(forum.threads("perinatal", null).items().isEmpty());
        assertEquals(0, forum.circle("perinatal").threadCount());
    }

    @Test
    void aDeletedPostCannotBeEditedAgain() {
        PostRef ref = forum.startThread(HER, "perinatal", draft("T", "words"));
        forum.reply(SOMEONE_ELSE, "perinatal", ref.threadId(), draft("", "stay"));
        forum.delete(HER, "perinatal", ref.threadId(), ref.postId());
        assertThrows(ForumProblem.NotFound.class,
                () -> forum.edit(HER, "perinatal", ref.threadId(), ref.postId(), draft("T", "back")));
    }

    @Test
    void myPostsListsHerPostsAcrossPseudonymsAndNobodyElses() {
        PostRef mine = forum.startThread(HER, "perinatal", draft("Mine", "usual"));
        PostRef theirs = forum.startThread(SOMEONE_ELSE, "everyday", draft("Theirs", "x"));
        forum.reply(HER, "everyday", theirs.threadId(), oneOff("one-off reply"));
        List<MyPost> posts = forum.postsBy(HER);
        assertEquals(2, posts.size());
        assertEquals("one-off reply", posts.get(0).excerpt());
        assertEquals(mine.postId(), posts.get(1).ref().postId());
        assertEquals(1, forum.postsBy(SOMEONE_ELSE).size());
    }

    @Test
    void limitsAreCheckedAndTheDraftIsHandedBackWhole() {
        Draft tooLong = draft("t".repeat(Limits.TITLE_MAX + 1), "b".repeat(Limits.BODY_MAX + 1));
        var problem = assertThrows(ForumProblem.InvalidDraft.class,
                () -> forum.startThread(HER, "perinatal", tooLong));
        assertEquals(2, problem.problems().size());
        assertEquals(Text.of("forum.problem.titleTooLong", Limits.TITLE_MAX + 1, Limits.TITLE_MAX),
                problem.problems().get(0));
        assertEquals(Text.of("forum.problem.bodyTooLong", Limits.BODY_MAX + 1, Limits.BODY_MAX),
                problem.problems().get(1));
        assertEquals(tooLong, problem.draft());
        assertTrue(forum.threads("perinatal", null).items().isEmpty());
    }

    @Test
    void limitsCountCharactersNotBytes() {
        String emoji = "🌷".repeat(Limits.BODY_MAX);
        forum.startThread(HER, "perinatal", draft("🌷".repeat(Limits.TITLE_MAX), emoji));
        assertEquals(1, forum.threads("perinatal", null).items().size());
    }

    @Test
    void blankPostsAreRefused() {
        var problem = assertThrows(ForumProblem.InvalidDraft.class,
                () -> forum.startThread(HER, "perinatal", draft("  ", " \n ")));
        assertEquals(List.of(Text.of("forum.problem.titleMissing"), Text.of("forum.problem.bodyMissing")),
                problem.problems());
    }

    @Test
    void unknownCirclesAndThreadsAreNotFound() {
        assertThrows(ForumProblem.NotFound.class, () -> forum.circle("nope"));
        assertThrows(ForumProblem.NotFound.class, () -> forum.startThread(HER, "nope", draft("a", "b")));
        assertThrows(ForumProblem.NotFound.class, () -> forum.thread("perinatal", "not-an-id"));
        PostRef ref = forum.startThread(HER, "perinatal", draft("a", "b"));
        assertThrows(ForumProblem.NotFound.class, () -> forum.thread("everyday", ref.threadId()));
    }

    @Test
    void everyChangeTakesTheNextNumberAndTheLatestStateIsReadBack() {
        long before = forum.lastChange();
        int[] nudges = {0};
        forum.onChange(() -> nudges[0]++);
        PostRef thread = forum.startThread(HER, "perinatal", draft("Title", "first"));
        PostRef reply = forum.reply(SOMEONE_ELSE, "perinatal", thread.threadId(), draft("", "second"));
        forum.edit(HER, "perinatal", thread.threadId(), thread.postId(), draft("New title", "first, edited"));
        forum.delete(SOMEONE_ELSE, "perinatal", thread.threadId(), reply.postId());
        assertEquals(before + 5, forum.lastChange(), "a new title re-marks both posts of the thread");
        assertEquals(4, nudges[0]);

        List<PostChange> changes = forum.changesSince(before, 100);
        assertEquals(List.of(thread.postId(), reply.postId()), changes.stream().map(PostChange::postId).toList(),
                "each post appears once, at its latest change");
        PostChange edited = changes.get(0);
        assertEquals("New title", edited.threadTitle());
        assertTrue(edited.html().contains("first, edited"));
        assertFalse(edited.gone());
        assertTrue(changes.get(1).gone());
        assertTrue(forum.changesSince(forum.lastChange(), 100).isEmpty());
        assertEquals(java.util.Set.of(thread.postId()), forum.shown(List.of(thread.postId(), reply.postId())));
    }

    private String pseudonymOf(PostRef ref) {
        return forum.thread(ref.circleName(), ref.threadId()).posts().stream()
                .filter(p -> p.id().equals(ref.postId())).findFirst().orElseThrow().pseudonym();
    }

    private static Draft draft(String title, String body) {
        return new Draft(title, body, PseudonymChoice.USUAL);
    }

    private static Draft oneOff(String body) {
        return new Draft("", body, PseudonymChoice.ONE_OFF);
    }

    private static final class MutableClock extends Clock {
        private long millis = Instant.parse("2026-11-01T10:00:00Z").toEpochMilli();

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
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
