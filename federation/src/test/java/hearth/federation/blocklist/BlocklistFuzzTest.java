package hearth.federation.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Json;
import hearth.federation.proof.Multikey;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the two blocklist formats a node takes from outside: Mastodon's CSV
 * (uploaded by a moderator, often downloaded from a shared list) and Hearth's signed feed (fetched
 * from other nodes). The contract: a bad list is refused with {@link BlocklistFormatException}
 * naming why, never another exception or a hang; and what was read writes out and reads back
 * equal (a CSV without its private comments, which are never exported).
 *
 * <p>Seeds: Mastodon, FediBlockHole and hand-edited CSV files in
 * {@code BlocklistFuzzTestInputs/mastodonCsv/}; feeds signed with the W3C vc-di-eddsa test key
 * (the key below) in {@code BlocklistFuzzTestInputs/feed/}.
 */
class BlocklistFuzzTest {

    /** W3C vc-di-eddsa 1.0 TestVectors/keyPair.json, publicKeyMultibase. */
    private static final byte[] KEY = Multikey.decodeEd25519("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");

    @BeforeAll
    static void warmUp() {
        // Loads (and, when fuzzing, instruments) the classes before the per-input timer runs.
        readCsv(utf8(MastodonCsvTest.MASTODON_EXPORT));
        readFeed(Json.bytes(FeedJson.write(FeedDocumentTest.feed())));
    }

    @FuzzTest
    @Timeout(20)
    void mastodonCsv(byte[] file) {
        readCsv(file);
    }

    @FuzzTest
    @Timeout(20)
    void feed(byte[] body) {
        readFeed(body);
    }

    private static void readCsv(byte[] file) {
        List<DomainBlock> blocks;
        try {
            blocks = MastodonCsv.read(new StringReader(new String(file, StandardCharsets.UTF_8)));
        } catch (BlocklistFormatException refused) {
            return;
        }
        StringWriter written = new StringWriter();
        MastodonCsv.write(blocks, written);
        try {
            assertEquals(blocks.stream().map(DomainBlock::withoutPrivateComment).toList(),
                    MastodonCsv.read(new StringReader(written.toString())));
        } catch (BlocklistFormatException e) {
            throw new AssertionError("Hearth cannot read the CSV it wrote: " + e.getMessage(), e);
        }
    }

    private static void readFeed(byte[] body) {
        ObjectNode document;
        try {
            document = Json.parseObject(body);
        } catch (Json.MalformedJson refused) {
            return;
        }
        FeedDocument.verificationMethod(document);
        try {
            FeedDocument.verify(document, KEY);
        } catch (BlocklistFormatException refused) {
            // Unsigned, changed or malformed: the subscription reports it to a moderator.
        }
        Feed feed;
        try {
            feed = FeedDocument.parseUnverified(document);
        } catch (BlocklistFormatException refused) {
            return;
        }
        try {
            assertEquals(feed, FeedDocument.parseUnverified(Json.parseObject(Json.bytes(FeedJson.write(feed)))));
        } catch (BlocklistFormatException e) {
            throw new AssertionError("Hearth cannot read the feed it wrote: " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
