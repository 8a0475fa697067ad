package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit against a real SQLite file: results, isolation of failures, and batching. */
class GroupCommitTest {

    private Database db;
    private GroupCommit commits;

    @BeforeEach
    void open() {
        db = Database.sqlite(TestNode.freshDataFolder().resolve("hearth.db"));
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE gc_note (n INTEGER PRIMARY KEY)");
            }
            return null;
        });
        commits = new GroupCommit(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aWriteIsCommittedAndReturnsItsResult() {
        assertEquals("one", commits.write(c -> {
            insert(c, 1);
            return "one";
        }));
        assertEquals(List.of(1), notes());
    }

    @Test
    void aFailingWriteLeavesNothingAndRethrowsItsOwnException() {
        IllegalArgumentException refused = new IllegalArgumentException("refused");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> commits.write(c -> {
            insert(c, 7);
            throw refused;
        }));
        assertSame(refused, thrown);
        assertEquals(List.of(), notes());
    }

    @Test
    void anSqlFailureComesBackAsAStoreException() {
        insertCommitted(3);
        assertThrows(StoreException.class, () -> commits.write(c -> {
            insert(c, 3);
            return null;
        }));
        assertEquals(List.of(3), notes());
    }

    @Test
    void concurrentWritersShareTransactionsAndAFailureUndoesOnlyItsOwnWrites() throws Exception {
        int writers = 64;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // Holding the write lock makes the writers queue up, so they must be batched.
            CountDownLatch queued = new CountDownLatch(1);
            Future<?> blocker = pool.submit(() -> db.write(c -> {
                queued.countDown();
                try {
                    start.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(queued.await(30, TimeUnit.SECONDS));
            for (int i = 0; i < writers; i++) {
                int n = i;
                results.add(pool.submit(() -> commits.write(c -> {
                    insert(c, n);
                    if (n % 10 == 0) {
                        throw new IllegalStateException("refused " + n);
                    }
                    return n;
                })));
            }
            Thread.sleep(200);
            start.countDown();
            blocker.get(30, TimeUnit.SECONDS);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                if (i % 10 == 0) {
                    int n = i;
                    var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                            () -> results.get(n).get(30, TimeUnit.SECONDS));
                    assertEquals("refused " + n, failure.getCause().getMessage());
                } else {
                    assertEquals(i, results.get(i).get(30, TimeUnit.SECONDS));
                    expected.add(i);
                }
            }
            assertEquals(expected, notes());
            // The first writer may commit alone; everyone who queued meanwhile shares the next transaction.
            assertTrue(commits.batches() <= 3, "batches: " + commits.batches());
        }
    }

    @Test
    void aLaterPieceOfWorkSeesTheWritesOfAnEarlierOneInTheSameBatch() {
        commits.write(c -> {
            insert(c, 5);
            return null;
        });
        assertEquals(1, (int) commits.write(c -> count(c)));
    }

    private void insertCommitted(int n) {
        db.write(c -> {
            insert(c, n);
            return null;
        });
    }

    private static void insert(Connection c, int n) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO gc_note (n) VALUES (?)")) {
            s.setInt(1, n);
            s.executeUpdate();
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM gc_note")) {
            r.next();
            return r.getInt(1);
        }
    }

    private List<Integer> notes() {
        return db.read(c -> {
            List<Integer> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT n FROM gc_note ORDER BY n")) {
                while (r.next()) {
                    out.add(r.getInt(1));
                }
            }
            return out;
        });
    }
}
