package hearth.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes that arrive together share one transaction and so one disk flush (group commit).
 *
 * <p>Each caller of {@link #write} queues its work and then waits for the turn to commit. The
 * caller whose turn comes runs every piece of work waiting at that moment in one transaction,
 * each inside its own savepoint, commits, and hands every caller its own result; the others find
 * theirs done and return. While one batch is being flushed to disk the next one gathers, so the
 * busier the node, the more posts each flush carries. No thread of its own, nothing to close.
 *
 * <p>Each piece of work sees the writes of the pieces before it in the same batch. If one throws,
 * only its own writes are undone (rolled back to its savepoint) and only its caller gets the
 * exception; if the commit itself fails, every caller in the batch gets it, and so does a full
 * disk ({@link DiskFull}) wherever it strikes. On PostgreSQL a conflicting transaction is run
 * again whole, as {@link Database#write} does. Like it, a call returns only once its work is
 * committed and durable.
 *
 * <p>Thread-safe; calls block, so make them from a virtual thread or a worker.
 *
 * <pre>{@code
 * GroupCommit commits = new GroupCommit(db);
 * String id = commits.write(c -> { insert(c, post); return post.id(); });
 * }</pre>
 */
public final class GroupCommit {

    /** Most pieces of work in one transaction, so one batch never holds the write lock for long. */
    static final int MAX_BATCH = 256;

    private final Database db;
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    // Whoever holds this commits the next batch; the others wait here for their results.
    private final ReentrantLock turn = new ReentrantLock();
    private volatile long batches;

    public GroupCommit(Database db) {
        this.db = db;
    }

    /** Runs the work in a shared transaction; returns its result once that transaction is committed. */
    public <T> T write(Database.Work<T> work) {
        Pending<T> mine = new Pending<>(work);
        waiting.add(mine);
        while (!mine.done) {
            turn.lock();
            try {
                if (!mine.done) {
                    commitWaiting();
                }
            } finally {
                turn.unlock();
            }
        }
        return mine.outcome();
    }

    private void commitWaiting() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p; batch.size() < MAX_BATCH && (p = waiting.poll()) != null; ) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        batches++; // only the holder of the turn writes it
        try {
            db.write(c -> {
                for (Pending<?> p : batch) {
                    p.runIn(c);
                }
                return null;
            });
        } catch (RuntimeException e) {
            // The commit failed, so nothing of this batch is stored, whatever each piece returned.
            batch.forEach(p -> p.fail(e));
        } catch (Error e) {
            batch.forEach(p -> p.fail(new IllegalStateException("the batch was not committed", e)));
            throw e;
        } finally {
            // Every caller must learn its outcome, or it would wait for a batch that never comes.
            batch.forEach(Pending::finish);
        }
    }

    /** How many transactions were committed or tried so far; for tests and measurements. */
    long batches() {
        return batches;
    }

    /** One caller's work and, once its batch is over, its result or failure. */
    private static final class Pending<T> {
        private final Database.Work<T> work;
        private T result;
        private RuntimeException failure;
        // Written by the committing thread before it releases the turn; read by the owner after taking it.
        private volatile boolean done;

        Pending(Database.Work<T> work) {
            this.work = work;
        }

        void runIn(Connection c) throws SQLException {
            // PostgreSQL may run the whole batch again after a conflict: start each run afresh.
            result = null;
            failure = null;
            Savepoint before = c.setSavepoint();
            try {
                result = work.run(c);
                c.releaseSavepoint(before);
            } catch (SQLException e) {
                if (concernsEveryone(e)) {
                    throw e;
                }
                undo(c, before);
                failure = new StoreException(e);
            } catch (RuntimeException e) {
                if (concernsEveryone(e)) {
                    throw e;
                }
                undo(c, before);
                failure = e;
            }
        }

        /** A full disk or a conflict to run again is the whole transaction's, not this piece's. */
        private static boolean concernsEveryone(Exception e) {
            return e instanceof DiskFull || DiskFull.isCause(e) || Conflicts.retryable(e);
        }

        private static void undo(Connection c, Savepoint before) throws SQLException {
            c.rollback(before);
            c.releaseSavepoint(before);
        }

        void fail(RuntimeException e) {
            result = null;
            failure = e;
        }

        void finish() {
            done = true;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
