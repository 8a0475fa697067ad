package hearth.node.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.forum.Draft;
import hearth.node.forum.ForumModeration;
import hearth.node.forum.ForumService;
import hearth.node.forum.PseudonymChoice;
import hearth.node.store.Backend;
import hearth.node.store.Database;
import hearth.ui.text.PostFormatter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** "Someone may be at risk" reaches moderators before anything else waiting, however much is waiting. */
@ParameterizedClass
@EnumSource(Backend.class)
class RiskFirstTest {

    @Parameter
    Backend backend;

    private static final String AUTHOR = "c".repeat(64);
    private static final Moderator ADMIN = new Moderator("01J00000000000000000000000", "maya", true, Set.of());

    private Database db;
    private ForumService forum;
    private ModerationService moderation;
    private final StepClock clock = new StepClock();

    @BeforeEach
    void open() {
        db = backend.open();
        forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), clock);
        forum.applyCircles(List.of(new CircleSeed("everyday", "Everyday", "")));
        moderation = new ModerationService(db, new ForumModeration(forum), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRiskReportJumpsAheadOfAnOlderOrdinaryReportOnAnOlderPost() {
        String olderPost = post("Selling pills");
        String worrying = post("I can't see the point any more");
        moderation.report(olderPost, "spam", "");
        moderation.report(worrying, "at-risk", "");

        List<QueueItem> queue = moderation.queue(ADMIN);
        assertEquals(List.of(worrying, olderPost), queue.stream().map(QueueItem::postId).toList());
        assertTrue(queue.get(0).atRisk());
    }

    @Test
    void ordinaryReportsStayOldestFirstBehindTheRiskReport() {
        String first = post("first");
        String second = post("second");
        String worrying = post("third");
        moderation.report(second, "harassment", "");
        moderation.report(first, "spam", "");
        moderation.report(worrying, "at-risk", "");

        assertEquals(List.of(worrying, second, first),
                moderation.queue(ADMIN).stream().map(QueueItem::postId).toList());
    }

    @Test
    void aRiskReportIsFirstEvenBehindAFullQueueOfOlderReports() {
        for (int i = 0; i < 205; i++) {
            moderation.report(post("ordinary " + i), "spam", "");
        }
        String worrying = post("I have a plan");
        moderation.report(worrying, "at-risk", "");

        assertEquals(worrying, moderation.queue(ADMIN).get(0).postId());
    }

    private String post(String body) {
        return forum.startThread(AUTHOR, "everyday", new Draft("A thread", body, PseudonymChoice.USUAL)).postId();
    }

    /** Moves one second forward every time it is read, so every post and report has its own instant. */
    private static final class StepClock extends Clock {
        private long millis = Instant.parse("2026-11-01T10:00:00Z").toEpochMilli();

        @Override
        public synchronized long millis() {
            millis += 1000;
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
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
