package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.forum.ForumService;
import hearth.ui.text.PostFormatter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * migrate-to-postgres at volume: {@code -Dhearth.copy.posts=100000} for the figure in the README
 * (default 20,000 so the suite stays quick). Prints the time taken.
 */
class PostgresCopyVolumeIT {

    @Test
    void manyPostsAreCopiedAndVerified() {
        int posts = Integer.getInteger("hearth.copy.posts", 20_000);
        Path file = TestNode.freshDataFolder().resolve("hearth.db");
        try (Database db = Database.sqlite(file)) {
            new ForumService(db, new PostFormatter(), new PseudonymNames(), Clock.systemUTC())
                    .applyCircles(List.of(new CircleSeed("everyday", "Everyday", "")));
            Volume.fill(db, "everyday", posts);
        }
        StorageUrl target = PgServer.shared().emptyDatabase();
        long started = System.nanoTime();
        PostgresCopy.Report report = PostgresCopy.run(file, target, line -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(report.verified(), report.toString());
        long copied = report.tables().stream().filter(t -> t.table().equals("post"))
                .mapToLong(PostgresCopy.TableResult::targetRows).sum();
        assertEquals(posts, copied);
        System.out.printf(Locale.ROOT, "migrate-to-postgres: %,d posts (%,d rows) copied and verified in %.1f s%n",
                posts, report.rows(), seconds);
    }
}
