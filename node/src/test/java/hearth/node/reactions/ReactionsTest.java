package hearth.node.reactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.forum.Draft;
import hearth.node.forum.ForumService;
import hearth.node.forum.PostRef;
import hearth.node.forum.PseudonymChoice;
import hearth.node.store.Backend;
import hearth.node.store.Database;
import hearth.ui.text.PostFormatter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Support reactions against a real SQLite file: toggled, counted once per woman, refused where readers can't react. */
@ParameterizedClass
@EnumSource(Backend.class)
class ReactionsTest {

    @Parameter
    Backend backend;

    private static final String HER = "a".repeat(64);
    private static final String BEA = "b".repeat(64);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T15:30:00Z"), ZoneOffset.UTC);

    private Database db;
    private ForumService forum;
    private Reactions reactions;
    private PostRef thread;
    private PostRef reply;

    @BeforeEach
    void open() {
        db = backend.open();
        forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), CLOCK);
        forum.applyCircles(List.of(new CircleSeed("perinatal", "Pregnancy and after birth", "")));
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 3);
        reactions = new Reactions(db, new Reactors(secret), CLOCK);
        thread = forum.startThread(BEA, "perinatal", draft("Night feeds", "So tired."));
        reply = forum.reply(BEA, "perinatal", thread.threadId(), draft("", "Still tired."));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void herReactionIsCountedAndShownAsHers() {
        assertTrue(toggle(HER, thread, ReactionKind.SUPPORT));
        ReactionsBoard board = reactions.board(HER, List.of(thread.postId(), reply.postId()));
        assertEquals(1, board.count(thread.postId(), ReactionKind.SUPPORT));
        assertTrue(board.pressed(thread.postId(), ReactionKind.SUPPORT));
        assertEquals(0, board.count(reply.postId(), ReactionKind.SUPPORT), "another post is untouched");
    }

    @Test
    void pressingAgainTakesItBack() {
        toggle(HER, thread, ReactionKind.METOO);
        assertFalse(toggle(HER, thread, ReactionKind.METOO));
        ReactionsBoard board = reactions.board(HER, List.of(thread.postId()));
        assertEquals(0, board.count(thread.postId(), ReactionKind.METOO));
        assertFalse(board.pressed(thread.postId(), ReactionKind.METOO));
    }

    @Test
    void eachKindIsCountedOnceForHer() {
        toggle(HER, thread, ReactionKind.SUPPORT);
        toggle(HER, thread, ReactionKind.THANKS);
        ReactionsBoard board = reactions.board(null, List.of(thread.postId()));
        assertEquals(1, board.count(thread.postId(), ReactionKind.SUPPORT));
        assertEquals(1, board.count(thread.postId(), ReactionKind.THANKS));
        assertEquals(0, board.count(thread.postId(), ReactionKind.METOO));
    }

    @Test
    void twoWomenCountTwoAndEachSeesOnlyHerOwnAsPressed() {
        toggle(HER, thread, ReactionKind.SUPPORT);
        toggle(BEA, thread, ReactionKind.SUPPORT);
        toggle(BEA, thread, ReactionKind.THANKS);
        ReactionsBoard hers = reactions.board(HER, List.of(thread.postId()));
        assertEquals(2, hers.count(thread.postId(), ReactionKind.SUPPORT));
        assertFalse(hers.pressed(thread.postId(), ReactionKind.THANKS));
        assertTrue(reactions.board(BEA, List.of(thread.postId())).pressed(thread.postId(), ReactionKind.THANKS));
        assertTrue(reactions.board(null, List.of(thread.postId())).pressed().isEmpty(), "a reader without a key");
    }

    @Test
    void theStoredDayIsCoarse() {
        toggle(HER, thread, ReactionKind.SUPPORT);
        long day = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT created_day FROM reaction");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
        assertEquals(CLOCK.millis() / 86_400_000L, day);
    }

    @Test
    void aPostWaitingForAModeratorTakesNoReaction() {
        sql("UPDATE post SET held = TRUE WHERE id = ?", reply.postId());
        assertThrows(ReactionsProblem.NotFound.class, () -> toggle(HER, reply, ReactionKind.SUPPORT));
    }

    @Test
    void aPostRemovedByModeratorsTakesNoReaction() {
        sql("UPDATE post SET removed_at = 1, removed_reason = 'Rule 2' WHERE id = ?", reply.postId());
        assertThrows(ReactionsProblem.Removed.class, () -> toggle(HER, reply, ReactionKind.SUPPORT));
    }

    @Test
    void aDeletedPostTakesNoReaction() {
        forum.delete(BEA, "perinatal", reply.threadId(), reply.postId());
        assertThrows(ReactionsProblem.NotFound.class, () -> toggle(HER, reply, ReactionKind.SUPPORT));
    }

    @Test
    void aPostNamedUnderAnotherThreadIsNotFound() {
        PostRef other = forum.startThread(BEA, "perinatal", draft("Other", "words"));
        assertThrows(ReactionsProblem.NotFound.class, () -> reactions.toggle(HER, "perinatal", other.threadId(),
                reply.postId(), ReactionKind.SUPPORT));
    }

    @Test
    void aPostNamedUnderAnotherCircleIsNotFound() {
        assertThrows(ReactionsProblem.NotFound.class, () -> reactions.toggle(HER, "everyday", reply.threadId(),
                reply.postId(), ReactionKind.SUPPORT));
    }

    @Test
    void aMalformedPostIdIsNotFound() {
        assertThrows(ReactionsProblem.NotFound.class, () -> reactions.toggle(HER, "perinatal", reply.threadId(),
                "../../etc", ReactionKind.SUPPORT));
    }

    @Test
    void forgetRemovesEveryReactionOfHersAndNoOneElses() {
        toggle(HER, thread, ReactionKind.SUPPORT);
        toggle(HER, reply, ReactionKind.METOO);
        toggle(HER, reply, ReactionKind.THANKS);
        toggle(BEA, reply, ReactionKind.METOO);

        assertEquals(3, reactions.forget(HER));

        ReactionsBoard board = reactions.board(HER, List.of(thread.postId(), reply.postId()));
        assertEquals(0, board.count(thread.postId(), ReactionKind.SUPPORT));
        assertEquals(1, board.count(reply.postId(), ReactionKind.METOO), "Bea's reaction stays");
        assertEquals(0, board.count(reply.postId(), ReactionKind.THANKS));
        assertTrue(board.pressed().isEmpty());
        assertEquals(0, reactions.forget(HER), "nothing of hers is left");
    }

    @Test
    void theTableKeepsNoAuthorId() {
        toggle(HER, thread, ReactionKind.SUPPORT);
        List<String> row = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM reaction"); ResultSet r = s.executeQuery()) {
                r.next();
                return List.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4));
            }
        });
        assertFalse(row.contains(HER), row.toString());
        assertTrue(row.stream().noneMatch(value -> value.contains(HER)), row.toString());
    }

    private boolean toggle(String author, PostRef post, ReactionKind kind) {
        return reactions.toggle(author, post.circleName(), post.threadId(), post.postId(), kind);
    }

    private void sql(String statement, String id) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(statement)) {
                s.setString(1, id);
                return s.executeUpdate();
            }
        });
    }

    private static Draft draft(String title, String body) {
        return new Draft(title, body, PseudonymChoice.USUAL);
    }
}
