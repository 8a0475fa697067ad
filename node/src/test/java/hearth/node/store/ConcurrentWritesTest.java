package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.forum.Draft;
import hearth.node.forum.ForumService;
import hearth.node.forum.PostChange;
import hearth.node.forum.PostRef;
import hearth.node.forum.PseudonymChoice;
import hearth.ui.text.PostFormatter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writers at the same time behave as if one at a time on both stores: SQLite queues them,
 * PostgreSQL runs them side by side and runs a refused one again. Nothing is lost, and the change
 * sequence the search index follows stays without gaps or repeats.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class ConcurrentWritesTest {

    private static final int WRITERS = 6;
    private static final int REPLIES_EACH = 8;

    @Parameter
    Backend backend;

    private Database db;
    private ForumService forum;

    @BeforeEach
    void open() {
        db = backend.open();
        forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), Clock.systemUTC());
        forum.applyCircles(List.of(new CircleSeed("everyday", "Everyday", "")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void repliesPostedAtOnceAreAllKeptInOneGaplessSequence() throws Exception {
        PostRef thread = forum.startThread("f".repeat(64), "everyday",
                new Draft("Together", "Who is awake?", PseudonymChoice.USUAL));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String author = Integer.toString(w).repeat(64);
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < REPLIES_EACH; i++) {
                        forum.reply(author, "everyday", thread.threadId(),
                                new Draft("", "Me too, " + i, PseudonymChoice.USUAL));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int posts = 1 + WRITERS * REPLIES_EACH;
        assertEquals(posts, forum.thread("everyday", thread.threadId()).posts().size());
        assertEquals(WRITERS * REPLIES_EACH, forum.threads("everyday", null).items().get(0).replyCount());
        List<Long> sequence = forum.changesSince(0, 1_000).stream().map(PostChange::sequence).sorted().toList();
        assertEquals(LongStream.rangeClosed(1, posts).boxed().toList(), sequence);
        assertEquals(posts, forum.lastChange());
    }
}
