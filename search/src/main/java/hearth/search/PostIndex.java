package hearth.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The search index of a node's posts: a projection of the node's store that the node keeps in
 * step and can always rebuild.
 *
 * <p><b>Keeping it in step.</b> Call {@link #upsert} and {@link #delete} as posts change, and
 * now and then {@link #commit(long)} with the store's change sequence up to which every change
 * has been applied. After a crash, {@link #committedSequence()} says where to replay from;
 * replaying is safe because upsert and delete are idempotent. An index written with another
 * schema or other languages empties itself on open and reports sequence 0, so the node's
 * catch-up rebuilds it.
 *
 * <p><b>Seeing changes.</b> Searches see a change within about {@value #MAX_STALE_SECONDS}
 * seconds, without a commit: a background thread refreshes the searcher. Call
 * {@link #refreshNow()} when the very next search must see a change, e.g. right after a
 * moderator removes a post.
 *
 * <p><b>Threads.</b> Thread-safe: any number of threads may search and write at once. Close it
 * once, when the node stops; closing commits pending changes but keeps the last committed
 * sequence. After close, every method throws Lucene's {@code AlreadyClosedException}.
 *
 * <p><b>Failures.</b> No query text makes {@link #search} fail; {@link IOException} means the
 * disk failed.
 * <pre>{@code
 * try (PostIndex index = PostIndex.open(dir, List.of("en", "es"))) {
 *   index.upsert(post);
 *   index.commit(sequence);
 *   SearchResults results = index.search(SearchQuery.of("ansiedad posparto"));
 * }
 * }</pre>
 */
public final class PostIndex implements Closeable {

    /** The longest a change waits, in seconds, before searches see it. */
    public static final double MAX_STALE_SECONDS = 0.5;

    private static final double MIN_STALE_SECONDS = 0.02;
    private static final double RAM_BUFFER_MB = 32;
    private static final String SEQUENCE = "hearth.sequence";
    private static final String SCHEMA = "hearth.schema";
    private static final String LANGUAGES = "hearth.languages";

    private final Directory directory;
    private final Languages languages;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> refresher;
    private final PostSearcher searcher;
    private final Object commitLock = new Object();
    private volatile long committedSequence;

    private PostIndex(Directory directory, Languages languages, IndexWriter writer, long sequence)
            throws IOException {
        this.directory = directory;
        this.languages = languages;
        this.writer = writer;
        this.committedSequence = sequence;
        this.searchers = new SearcherManager(writer, null);
        this.searcher = new PostSearcher(languages);
        this.refresher =
                new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, MIN_STALE_SECONDS);
        refresher.setName("hearth-search-refresh");
        refresher.setDaemon(true);
        refresher.start();
    }

    /**
     * Opens the index in {@code directory}, creating it (and the directory) if needed.
     *
     * @param directory where the index lives; one index per directory, one open at a time
     * @param languages the node's languages (ISO 639-1); those with a stemming analyzer
     *     (en, es, fr, de, it, pt) get their own reading, every other language is served by the
     *     standard reading
     */
    public static PostIndex open(Path directory, List<String> languages) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Languages readings = Languages.of(languages);
        Files.createDirectories(directory);
        Directory dir = FSDirectory.open(directory);
        IndexWriter writer = null;
        try {
            boolean existed = DirectoryReader.indexExists(dir);
            IndexWriterConfig config =
                    new IndexWriterConfig(readings.indexAnalyzer())
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                            .setRAMBufferSizeMB(RAM_BUFFER_MB);
            writer = new IndexWriter(dir, config);
            Map<String, String> data = commitData(writer);
            long sequence = existed ? Long.parseLong(data.getOrDefault(SEQUENCE, "0")) : 0;
            boolean sameShape =
                    PostFields.SCHEMA_VERSION.equals(data.get(SCHEMA))
                            && readings.signature().equals(data.get(LANGUAGES));
            if (existed && !sameShape) {
                writer.deleteAll(); // built for another schema or other languages: rebuild from 0
                sequence = 0;
            }
            writer.setLiveCommitData(shape(readings, sequence).entrySet());
            if (!existed || !sameShape) {
                writer.commit();
            }
            return new PostIndex(dir, readings, writer, sequence);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer, dir, readings);
            throw e;
        }
    }

    /** Adds the post, or replaces the post with the same {@link SearchDocument#postId()}. */
    public void upsert(SearchDocument post) throws IOException {
        Objects.requireNonNull(post, "post");
        writer.updateDocument(
                new Term(PostFields.POST_ID, post.postId()), PostFields.toDocument(post, languages));
    }

    /** Removes the post if it is in the index. */
    public void delete(String postId) throws IOException {
        Objects.requireNonNull(postId, "postId");
        writer.deleteDocuments(new Term(PostFields.POST_ID, postId));
    }

    /**
     * Removes every post, e.g. before a rebuild. The next commit records the sequence it is given;
     * until then, a commit on close records sequence 0, so a crash mid-rebuild restarts it.
     */
    public void deleteAll() throws IOException {
        synchronized (commitLock) {
            writer.deleteAll();
            writer.setLiveCommitData(shape(languages, 0).entrySet());
        }
    }

    /** Makes every change made so far visible to the next search (read-your-writes). */
    public void refreshNow() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * Makes every change made so far durable (fsync), recording {@code sequence}: the store's
     * change sequence up to which all changes have been applied. Blocks until done; costs a few
     * milliseconds to seconds, so call it periodically rather than per post.
     */
    public void commit(long sequence) throws IOException {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
        synchronized (commitLock) {
            writer.setLiveCommitData(shape(languages, sequence).entrySet());
            writer.commit();
            committedSequence = sequence;
        }
    }

    /** The sequence recorded by the last durable commit; 0 for a new or rebuilt index. */
    public long committedSequence() {
        return committedSequence;
    }

    /**
     * One page of posts matching the query. Any query text is accepted: text that has nothing
     * to search for (empty, only punctuation) gives an empty page.
     */
    public SearchResults search(SearchQuery query) throws IOException {
        Objects.requireNonNull(query, "query");
        IndexSearcher current = searchers.acquire();
        try {
            return searcher.search(current, query, System.currentTimeMillis());
        } finally {
            searchers.release(current);
        }
    }

    /** Stops the refresh thread, commits pending changes and releases the index. */
    @Override
    public void close() throws IOException {
        IOUtils.close(refresher, searchers, writer, directory, languages);
    }

    private static Map<String, String> shape(Languages languages, long sequence) {
        return Map.of(
                SCHEMA, PostFields.SCHEMA_VERSION,
                LANGUAGES, languages.signature(),
                SEQUENCE, Long.toString(sequence));
    }

    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }
}
