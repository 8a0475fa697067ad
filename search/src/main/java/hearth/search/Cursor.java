package hearth.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Where the next page starts, as an opaque URL-safe token.
 *
 * <p>It names a position in a total order that does not depend on Lucene's doc ids (which
 * change when segments merge): for newest-first, the last hit's (created, post id); for
 * relevance, the (text score, post id) after which the current recency window starts
 * ({@code postId == null}: the first window) and how many of that window's hits were shown
 * ({@link RelevancePages}). It also carries the instant the first page used for the recency
 * boost, so every page scores a post the same way, and a fingerprint of the query, so a cursor
 * from another query is not misread. If the index changes between pages, a hit whose score
 * moved may be skipped or shown twice; nothing worse.
 *
 * <p>Immutable; safe to share across threads.
 *
 * @param fingerprint of the query's text, filters and order ({@link #fingerprint})
 * @param now         the instant the recency boost decays from
 * @param sortValue   created millis (newest) or text score float bits (relevance)
 * @param postId      the post id of the position, or {@code null} for the top
 * @param offset      relevance only: hits of the window already shown
 */
record Cursor(int fingerprint, long now, long sortValue, String postId, int offset) {

    private static final byte VERSION = 2;
    private static final int MAX_TOKEN_CHARS = 1024;

    /** The position after this hit of a newest-first page. */
    static Cursor afterNewest(FieldDoc last, int fingerprint, long now) {
        return new Cursor(fingerprint, now, (Long) last.fields[0], postIdOf(last), 0);
    }

    /** A position within the relevance window that starts after {@code start} (null: top). */
    static Cursor inWindow(FieldDoc start, int offset, int fingerprint, long now) {
        if (start == null) {
            return new Cursor(fingerprint, now, 0, null, offset);
        }
        long bits = Float.floatToIntBits((Float) start.fields[0]);
        return new Cursor(fingerprint, now, bits, postIdOf(start), offset);
    }

    /** The search-after position: the last newest-first hit, or the window start. */
    FieldDoc position(SearchQuery.Order order) {
        if (postId == null) {
            return null;
        }
        Object first =
                order == SearchQuery.Order.RELEVANCE
                        ? (Object) Float.intBitsToFloat((int) sortValue)
                        : (Object) sortValue;
        // Post ids are unique, so only the very post named here ties on both values; doc
        // MAX_VALUE makes it count as already passed.
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {first, new BytesRef(postId)});
    }

    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(fingerprint);
            out.writeLong(now);
            out.writeLong(sortValue);
            out.writeBoolean(postId != null);
            out.writeUTF(postId == null ? "" : postId);
            out.writeInt(offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /**
     * The cursor in {@code token} if it is well formed and belongs to the query with this
     * fingerprint; otherwise {@code null}, which means the first page.
     */
    static Cursor decode(String token, int fingerprint) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return null;
        }
        try {
            DataInputStream in =
                    new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(token)));
            if (in.readByte() != VERSION) {
                return null;
            }
            int print = in.readInt();
            long now = in.readLong();
            long sortValue = in.readLong();
            boolean hasPostId = in.readBoolean();
            String postId = in.readUTF();
            int offset = in.readInt();
            boolean valid =
                    in.available() == 0
                            && print == fingerprint
                            && offset >= 0
                            && offset <= Recency.WINDOW
                            && (hasPostId || postId.isEmpty());
            return valid ? new Cursor(print, now, sortValue, hasPostId ? postId : null, offset) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null; // garbled: start from the first page
        }
    }

    /** Identifies a query's text, filters and order, so pages of one query chain together. */
    static int fingerprint(String cleanedText, SearchQuery query) {
        CRC32 crc = new CRC32();
        String key =
                String.join(
                        "\u0000",
                        cleanedText,
                        String.valueOf(query.circle()),
                        String.valueOf(query.localOnly()),
                        query.order().name());
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private static String postIdOf(FieldDoc doc) {
        return ((BytesRef) doc.fields[1]).utf8ToString();
    }
}
