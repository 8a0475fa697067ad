package hearth.bench.seed;

import hearth.bench.ForumText;
import hearth.ui.text.PostFormatter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Writes a large forum straight into a stopped node's SQLite database, in large
 * transactions: authors with their usual pseudonyms, threads in the configured circles, and
 * posts whose HTML is made by the node's own {@link PostFormatter}. Every post gets the next
 * number of the change sequence and the counter is moved past them, as the node's own writes
 * do, so that {@code hearth reindex} (or the node's catch-up at start) indexes them all; the
 * federation outbox's cursor, where the schema has one, is moved past them too.
 *
 * <p>The database must already have the node's schema and circles: start the node on the
 * data folder once and stop it. The first thread has {@code targetReplies} replies (the
 * thread a benchmark reads); the others have a few replies each, up to 40.
 *
 * <pre>{@code
 * SqliteSeeder.Result r = SqliteSeeder.seed(data.resolve("hearth.db"), 1_000_000, 50, 42);
 * }</pre>
 */
public final class SqliteSeeder {

    private static final int CHUNK = 20_000;
    private static final String[] ADJECTIVES = {"Quiet", "Gentle", "Brave", "Bright", "Calm", "Steady", "Kind",
            "Warm", "Soft", "Hopeful", "Patient", "Clear", "Golden", "Silver", "Amber", "Misty"};
    private static final String[] NAMES = {"Heron", "Wren", "Robin", "Sparrow", "Finch", "Dove", "Owl", "Lark",
            "Otter", "Fern", "Willow", "Birch", "Hazel", "Poppy", "Meadow", "Brook"};

    /**
     * What was written.
     *
     * @param posts        posts written
     * @param threads      threads written
     * @param authors      authors (each with one usual pseudonym)
     * @param targetThread path of the thread with the requested replies, e.g. "/c/perinatal/t/01J..."
     * @param seconds      time taken
     */
    public record Result(long posts, long threads, long authors, String targetThread, double seconds) {
    }

    private SqliteSeeder() {
    }

    public static Result seed(Path database, int posts, int targetReplies, long seed) throws SQLException {
        if (posts < targetReplies + 1) {
            throw new IllegalArgumentException("need room for the target thread: " + posts + " posts");
        }
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                // A stopped node's database, rebuilt on failure: no journal, no syncing until the end.
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA cache_size=-262144");
                s.execute("PRAGMA temp_store=MEMORY");
            }
            c.setAutoCommit(false);
            Writer writer = new Writer(c, posts, targetReplies, seed);
            Result result = writer.write(started);
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL"); // as the node keeps it
            }
            return new Result(result.posts(), result.threads(), result.authors(), result.targetThread(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** One seeding: generates text in chunks, formats each chunk on every core, inserts in order. */
    private static final class Writer {
        private final Connection c;
        private final int posts;
        private final int targetReplies;
        private final ForumText text;
        private final Random random;
        private final PostFormatter formatter = new PostFormatter();
        private final SeedIds threadIds = new SeedIds(1);
        private final SeedIds postIds = new SeedIds(2);
        private final SeedIds pseudonymIds = new SeedIds(3);
        private final long firstMillis;
        private final double stepMillis;
        private final List<Row> chunk = new ArrayList<>(CHUNK);

        private record Row(String id, String threadId, String pseudonymId, boolean opening, String source, long at) {
        }

        Writer(Connection c, int posts, int targetReplies, long seed) {
            this.c = c;
            this.posts = posts;
            this.targetReplies = targetReplies;
            this.text = new ForumText(seed);
            this.random = new Random(seed);
            long now = System.currentTimeMillis();
            this.firstMillis = now - TimeUnit.DAYS.toMillis(365);
            this.stepMillis = (double) TimeUnit.DAYS.toMillis(365) / posts;
        }

        Result write(long started) throws SQLException {
            List<String> circles = circles();
            long change = lastChange();
            String[] pseudonyms = authors(Math.max(50, posts / 20));
            String target = null;
            int written = 0;
            long threads = 0;
            try (PreparedStatement thread = c.prepareStatement("""
                    INSERT INTO thread (id, circle_name, title, created_at, last_activity_at, reply_count, removed)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement post = c.prepareStatement("""
                    INSERT INTO post (id, thread_id, pseudonym_id, opening, source, html, created_at, change_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                while (written < posts) {
                    int replies = threads == 0 ? targetReplies
                            : Math.min(40, (int) (-Math.log(1 - random.nextDouble()) * 5));
                    replies = Math.min(replies, posts - written - 1);
                    String circle = circles.get((int) (threads % circles.size()));
                    String threadId = threadIds.next(at(written));
                    if (threads == 0) {
                        target = "/c/" + circle + "/t/" + threadId;
                    }
                    String title = text.title();
                    for (int i = 0; i <= replies; i++) {
                        long at = at(written + i);
                        chunk.add(new Row(postIds.next(at), threadId, pseudonyms[random.nextInt(pseudonyms.length)],
                                i == 0, i == 0 ? text.opening() : text.reply(), at));
                    }
                    thread.setString(1, threadId);
                    thread.setString(2, circle);
                    thread.setString(3, title);
                    thread.setLong(4, at(written));
                    thread.setLong(5, at(written + replies));
                    thread.setInt(6, replies);
                    thread.setBoolean(7, false);
                    thread.addBatch();
                    written += replies + 1;
                    threads++;
                    if (chunk.size() >= CHUNK) {
                        thread.executeBatch();
                        change = flush(post, change);
                    }
                }
                thread.executeBatch();
                change = flush(post, change);
            }
            try (PreparedStatement counter = c.prepareStatement("UPDATE change_counter SET value = ? WHERE id = 1")) {
                counter.setLong(1, change);
                counter.executeUpdate();
            }
            markFederated(change);
            return new Result(written, threads, pseudonyms.length, target, (System.nanoTime() - started) / 1e9);
        }

        /**
         * Seeded posts are history from before the benchmark, not news for followers (there are
         * none): where the schema has the federation outbox's cursor, it starts after them.
         */
        private void markFederated(long change) throws SQLException {
            try (ResultSet r = c.getMetaData().getTables(null, null, "federation_cursor", null)) {
                if (!r.next()) {
                    return;
                }
            }
            try (PreparedStatement cursor = c.prepareStatement(
                    "UPDATE federation_cursor SET value = ? WHERE name = 'outbox'")) {
                cursor.setLong(1, change);
                cursor.executeUpdate();
            }
        }

        private long at(int index) {
            return firstMillis + (long) (index * stepMillis);
        }

        private long flush(PreparedStatement post, long change) throws SQLException {
            String[] html = new String[chunk.size()];
            IntStream.range(0, chunk.size()).parallel()
                    .forEach(i -> html[i] = formatter.toHtml(chunk.get(i).source()).html());
            for (int i = 0; i < chunk.size(); i++) {
                Row row = chunk.get(i);
                post.setString(1, row.id());
                post.setString(2, row.threadId());
                post.setString(3, row.pseudonymId());
                post.setBoolean(4, row.opening());
                post.setString(5, row.source());
                post.setString(6, html[i]);
                post.setLong(7, row.at());
                post.setLong(8, ++change);
                post.addBatch();
            }
            post.executeBatch();
            chunk.clear();
            return change;
        }

        /** Authors, each with a usual pseudonym; returns the pseudonym ids. */
        private String[] authors(int count) throws SQLException {
            String[] ids = new String[count];
            try (PreparedStatement author = c.prepareStatement(
                    "INSERT INTO author (id, usual_pseudonym_id, created_at) VALUES (?, ?, ?)");
                 PreparedStatement pseudonym = c.prepareStatement(
                    "INSERT INTO pseudonym (id, name, author_id, thread_id, created_at) VALUES (?, ?, ?, NULL, ?)")) {
                for (int i = 0; i < count; i++) {
                    String authorId = String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(),
                            random.nextLong(), random.nextLong());
                    ids[i] = pseudonymIds.next(firstMillis);
                    author.setString(1, authorId);
                    author.setString(2, ids[i]);
                    author.setLong(3, firstMillis);
                    author.addBatch();
                    pseudonym.setString(1, ids[i]);
                    pseudonym.setString(2, String.format("%s %s %04d", ADJECTIVES[i % 16], NAMES[(i / 16) % 16],
                            i / 256));
                    pseudonym.setString(3, authorId);
                    pseudonym.setLong(4, firstMillis);
                    pseudonym.addBatch();
                }
                author.executeBatch();
                pseudonym.executeBatch();
            }
            return ids;
        }

        private List<String> circles() throws SQLException {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT name FROM circle ORDER BY position, name")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            if (names.isEmpty()) {
                throw new IllegalStateException("no circles in the database: start the node on it once first");
            }
            return names;
        }

        private long lastChange() throws SQLException {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT value FROM change_counter WHERE id = 1")) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }
}
