package hearth.federation.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Json;
import org.junit.jupiter.api.Test;

/** The content checks {@link FeedDocument#parseUnverified} shares with verification. */
class FeedParseTest {

    private static ObjectNode document() {
        return FeedJson.write(FeedDocumentTest.feed());
    }

    private static ObjectNode entry(ObjectNode doc, int index) {
        return (ObjectNode) doc.get("entries").get(index);
    }

    private static void assertRefused(ObjectNode doc, String reason) {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class, () -> FeedDocument.parseUnverified(doc));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void anUnsignedFeedParses() throws Exception {
        assertEquals(FeedDocumentTest.feed(), FeedDocument.parseUnverified(document()));
    }

    @Test
    void fieldsALaterHearthAddsAreIgnored() throws Exception {
        ObjectNode doc = document();
        doc.put("summary", "our list");
        entry(doc, 0).put("evidence", "https://hearth.example/reports/3");
        assertEquals(FeedDocumentTest.feed(), FeedDocument.parseUnverified(doc));
    }

    @Test
    void anotherTypeIsRefused() {
        ObjectNode doc = document();
        doc.put("type", "Collection");
        assertRefused(doc, "the feed's type is not Blocklist");
    }

    @Test
    void aFeedWithoutEntriesIsRefused() {
        ObjectNode doc = document();
        doc.remove("entries");
        assertRefused(doc, "the feed has no list of entries");
    }

    @Test
    void anIssuerThatIsNotAnHttpUriIsRefused() {
        ObjectNode doc = document();
        doc.put("issuer", "acct:node@hearth.example");
        assertRefused(doc, "the feed's issuer must be an http(s) URI");
    }

    @Test
    void anEntryWithoutTargetIsRefused() {
        ObjectNode doc = document();
        entry(doc, 0).remove("target");
        assertRefused(doc, "entry 1 has no target");
    }

    @Test
    void anUnknownSeverityIsRefused() {
        ObjectNode doc = document();
        entry(doc, 0).put("severity", "obliterate");
        assertRefused(doc, "entry 1 (spam.example): unknown severity: obliterate");
    }

    @Test
    void anUnknownKindIsRefused() {
        ObjectNode doc = document();
        entry(doc, 0).put("kind", "instance");
        assertRefused(doc, "entry 1 (spam.example): unknown target kind: instance");
    }

    @Test
    void aDomainTargetThatIsNotADomainIsRefused() {
        ObjectNode doc = document();
        entry(doc, 0).put("target", "not a domain");
        assertRefused(doc, "entry 1 (not a domain): not a domain name: not a domain");
    }

    @Test
    void aTargetListedTwiceIsRefused() {
        ObjectNode doc = document();
        entry(doc, 2).put("target", "SPAM.example");
        assertRefused(doc, "the feed is inconsistent: spam.example is listed twice");
    }

    @Test
    void anEntryNewerThanTheFeedIsRefused() {
        ObjectNode doc = document();
        entry(doc, 0).put("sequence", 8);
        assertRefused(doc, "the feed is inconsistent: spam.example has sequence 8, beyond the feed's 7");
    }

    @Test
    void aFractionalSequenceIsRefused() {
        ObjectNode doc = document();
        doc.put("sequence", 7.5);
        assertRefused(doc, "the feed: sequence must be a whole number");
    }

    @Test
    void aDateThatIsNotADateIsRefused() {
        ObjectNode doc = document();
        entry(doc, 1).put("firstChanged", "yesterday");
        assertRefused(doc, "entry 2 (https://other.example/users/troll): firstChanged is not a date and time");
    }

    @Test
    void labelsThatAreNotTextAreRefused() {
        ObjectNode doc = document();
        entry(doc, 0).putArray("labels").add(3);
        assertRefused(doc, "entry 1 (spam.example): a label must be text");
    }

    @Test
    void somethingOtherThanAnObjectIsRefused() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> FeedDocument.parseUnverified(Json.array()));
        assertEquals("the feed is not a JSON object", e.getMessage());
    }
}
