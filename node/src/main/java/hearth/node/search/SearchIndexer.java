package hearth.node.search;

import hearth.node.forum.ForumService;
import hearth.node.forum.PostChange;
import hearth.search.PostIndex;
import hearth.search.SearchDocument;
import hearth.ui.text.PostFormatter;
import hearth.ui.text.PostHtml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the search index a projection of the store by following the store's change sequence.
 *
 * <p>At start it catches up from the last sequence the index committed (so after a crash the
 * index agrees with the store again before the node serves); then a background thread applies
 * each new change as soon as the forum signals it, and polls the store a few times a second for
 * changes written by other processes on the same database; it commits the index every few seconds.
 * Thread-safe. Close it to apply and commit what is left.
 *
 * <p>When the disk under the index is nearly full it stops writing to the index (a write that
 * runs out of space would close Lucene's writer for good) and picks up where it stopped once
 * there is room again: searches meanwhile answer from what is already indexed, and nothing
 * is lost, because the store keeps every change.
 */
public final class SearchIndexer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());
    private static final int BATCH = 500;
    private static final long COMMIT_EVERY_MILLIS = 5_000;
    /**
     * Changes written by another process sharing the database bring no nudge: polling this often
     * makes them searchable within a second (with the searcher's half-second refresh).
     */
    private static final long POLL_MILLIS = 200;
    /** Below this much free space the index is left alone; flushing a segment needs room. */
    static final long MIN_FREE_BYTES = 8L << 20;

    private final PostIndex index;
    private final ForumService forum;
    private final PostFormatter formatter;
    private final Path folder;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile boolean storeFailed;
    private boolean nudged;
    private boolean paused;
    private long applied;
    private long committed;
    private long lastCommitAt = System.nanoTime();

    private SearchIndexer(PostIndex index, ForumService forum, PostFormatter formatter, Path folder) {
        this.index = index;
        this.forum = forum;
        this.formatter = formatter;
        this.folder = folder;
        this.applied = index.committedSequence();
        this.committed = applied;
        this.worker = Thread.ofPlatform().name("hearth-indexer").daemon().unstarted(this::run);
    }

    /**
     * Catches the index up with the store, then follows new changes in the background.
     *
     * @param folder where the index lives, to watch the free space of its disk
     */
    public static SearchIndexer start(PostIndex index, ForumService forum, PostFormatter formatter, Path folder) {
        SearchIndexer indexer = new SearchIndexer(index, forum, formatter, folder);
        indexer.catchUp();
        forum.onChange(indexer::nudge);
        indexer.worker.start();
        return indexer;
    }

    /** Drops the index and rebuilds it from every post in the store; returns the number of posts applied. */
    public static long rebuild(PostIndex index, ForumService forum, PostFormatter formatter) {
        try {
            index.deleteAll();
            index.commit(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SearchIndexer indexer = new SearchIndexer(index, forum, formatter, null);
        long count = indexer.applyPending();
        indexer.commit();
        return count;
    }

    /** Called after every committed change: apply it now rather than at the next poll. */
    public void nudge() {
        lock.lock();
        try {
            nudged = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    private void catchUp() {
        if (!roomToWrite()) {
            return; // the worker catches up once there is room
        }
        long count = applyPending();
        commit();
        if (count > 0) {
            LOG.info("search index caught up with " + count + " changed posts");
        }
    }

    private void run() {
        while (running) {
            awaitNudge();
            if (!roomToWrite()) {
                continue;
            }
            try {
                applyPending();
                storeFailed = false;
                if (applied > committed && System.nanoTime() - lastCommitAt > TimeUnit.MILLISECONDS.toNanos(COMMIT_EVERY_MILLIS)) {
                    commit();
                }
            } catch (RuntimeException e) {
                // Never the post's text: only what failed. The next round retries from the same sequence.
                storeFailed = true;
                LOG.log(Level.WARNING, "search indexing failed; retrying", e);
            }
        }
    }

    /** Whether the index's disk has room for a flush; says so in the log when that changes. */
    private boolean roomToWrite() {
        if (folder == null) {
            return true;
        }
        boolean room = folder.toFile().getUsableSpace() >= MIN_FREE_BYTES || !folder.toFile().exists();
        if (room == paused) {
            paused = !room;
            LOG.warning(room ? "search indexing resumes: the disk has room again"
                    : "search indexing paused: the disk of the search index is nearly full");
        }
        return room;
    }

    private void awaitNudge() {
        lock.lock();
        try {
            if (!nudged && running) {
                wake.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            nudged = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Applies every change after {@code applied}, in order. Only the worker (or start/close) calls it. */
    private synchronized long applyPending() {
        long count = 0;
        while (true) {
            List<PostChange> changes = forum.changesSince(applied, BATCH);
            for (PostChange change : changes) {
                apply(change);
                applied = change.sequence();
            }
            count += changes.size();
            if (changes.size() < BATCH) {
                return count;
            }
        }
    }

    private void apply(PostChange change) {
        try {
            if (change.gone()) {
                index.delete(change.postId());
            } else {
                index.upsert(document(change));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchDocument document(PostChange change) {
        String text = formatter.toPlainText(PostHtml.alreadyCleaned(change.html()));
        return new SearchDocument(change.postId(), change.threadId(), change.circleName(), change.threadTitle(), text,
                change.opening(), change.pseudonym(), SearchDocument.LOCAL, change.createdAt(), null);
    }

    private synchronized void commit() {
        try {
            index.commit(applied);
            committed = applied;
            lastCommitAt = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last change applied to the index (committed or not). */
    public synchronized long appliedSequence() {
        return applied;
    }

    @Override
    public void close() {
        running = false;
        nudge();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (roomToWrite()) {
            // When the database stopped answering (a PostgreSQL server gone), asking again would only hold up
            // the node's stop: what is applied is committed, and the next start catches up from there.
            if (!storeFailed) {
                try {
                    applyPending();
                } catch (RuntimeException unreachable) {
                    LOG.warning("search index: the database did not answer while stopping; the rest is indexed"
                            + " at the next start");
                }
            }
            commit();
        }
    }
}
