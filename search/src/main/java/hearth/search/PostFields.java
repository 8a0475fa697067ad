package hearth.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * The index schema: field names and how a {@link SearchDocument} becomes a Lucene document.
 *
 * <ul>
 *   <li>{@code text_<reading>}: what a post is found by, analyzed with positions (phrases): its
 *       body, and for the thread's opening post also the thread title; one per reading the post
 *       gets ({@link Languages#keysFor(String)}). Replies carry the title for display only:
 *       otherwise every reply of a busy thread would match its title and flood the results.
 *   <li>{@code title_<reading>}: the title again, opening posts only, to weigh title words more.
 *   <li>{@code post_id}: exact, stored, with sorted doc values (the paging tie-break).
 *   <li>{@code thread_id}, {@code circle}, {@code origin}: exact, stored.
 *   <li>{@code created}: points and doc values (newest-first sort, recency), stored.
 *   <li>{@code title}, {@code body}, {@code pseudonym}, {@code opening}, {@code language}:
 *       stored only, to build hits and snippets.
 * </ul>
 *
 * <p>Stateless; safe to use from any thread. Changing the schema means raising
 * {@link #SCHEMA_VERSION}, which makes existing indexes empty themselves for a rebuild.
 */
final class PostFields {

    /** Stored with each commit; an index written with another version is rebuilt on open. */
    static final String SCHEMA_VERSION = "1";

    static final String POST_ID = "post_id";
    static final String THREAD_ID = "thread_id";
    static final String CIRCLE = "circle";
    static final String ORIGIN = "origin";
    static final String CREATED = "created";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String PSEUDONYM = "pseudonym";
    static final String OPENING = "opening";
    static final String LANGUAGE = "language";

    private static final String TEXT_PREFIX = "text_";
    private static final String TITLE_PREFIX = "title_";

    private PostFields() {}

    /** The analyzed text field of one reading, e.g. {@code text_en}. */
    static String text(String reading) {
        return TEXT_PREFIX + reading;
    }

    /** The analyzed title field of one reading, e.g. {@code title_en}. */
    static String title(String reading) {
        return TITLE_PREFIX + reading;
    }

    /** The reading an analyzed field belongs to, or {@code null} for any other field. */
    static String readingOf(String field) {
        if (field.startsWith(TEXT_PREFIX)) {
            return field.substring(TEXT_PREFIX.length());
        }
        if (field.startsWith(TITLE_PREFIX)) {
            return field.substring(TITLE_PREFIX.length());
        }
        return null;
    }

    static Document toDocument(SearchDocument post, Languages languages) {
        Document doc = new Document();
        doc.add(new StringField(POST_ID, post.postId(), Store.YES));
        doc.add(new SortedDocValuesField(POST_ID, new BytesRef(post.postId())));
        doc.add(new StringField(THREAD_ID, post.threadId(), Store.YES));
        doc.add(new StringField(CIRCLE, post.circle(), Store.YES));
        doc.add(new StringField(ORIGIN, post.origin(), Store.YES));
        doc.add(new LongField(CREATED, post.createdAtMillis(), Store.YES));
        for (String reading : languages.keysFor(post.language())) {
            if (post.opening()) {
                doc.add(new TextField(text(reading), post.threadTitle(), Store.NO));
                doc.add(new TextField(title(reading), post.threadTitle(), Store.NO));
            }
            doc.add(new TextField(text(reading), post.body(), Store.NO));
        }
        doc.add(new StoredField(TITLE, post.threadTitle()));
        doc.add(new StoredField(BODY, post.body()));
        doc.add(new StoredField(PSEUDONYM, post.pseudonym()));
        doc.add(new StoredField(OPENING, post.opening() ? 1 : 0));
        doc.add(new StoredField(LANGUAGE, post.language() == null ? "" : post.language()));
        return doc;
    }
}
