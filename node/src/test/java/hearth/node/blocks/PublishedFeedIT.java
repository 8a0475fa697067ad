package hearth.node.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Feed;
import hearth.federation.blocklist.FeedDocument;
import hearth.federation.blocklist.FeedEntry;
import hearth.federation.blocklist.MastodonCsv;
import hearth.federation.blocklist.Severity;
import hearth.federation.proof.Multikey;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node's published blocklist: signed with the node actor's key, versioned, retractions explicit, and as CSV. */
class PublishedFeedIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePublishedFeedVerifiesCarriesRetractionsAndMatchesTheCsv() throws Exception {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            assertEquals(303, maya.block("spam.example", "suspend", true, "spam waves, \"daily\""));
            assertEquals(303, maya.block("loud.example", "silence", true, "loud"));
            assertEquals(303, maya.block("quiet.example", "suspend", false, "not shared"));
            Feed first = verified(bed);
            assertEquals(2, first.sequence());
            assertEquals(List.of("spam.example", "loud.example"), first.entries().stream().map(FeedEntry::target).toList());

            assertEquals(303, maya.lift("spam.example", "they stopped"));
            Feed second = verified(bed);
            assertEquals(3, second.sequence());
            FeedEntry retraction = second.entries().stream().filter(e -> e.target().equals("spam.example")).findFirst()
                    .orElseThrow();
            assertTrue(retraction.retracted(), "a lift is published as a retraction");
            assertEquals(3, retraction.sequence());

            Feed since = FeedDocument.verify(document(bed, "/blocklist.json?since=2"), key(bed));
            assertEquals(List.of("spam.example"), since.entries().stream().map(FeedEntry::target).toList());
            assertEquals(3, since.sequence());

            HttpResponse<String> csv = bed.get("/blocklist.csv", "text/csv");
            assertEquals(200, csv.statusCode());
            List<DomainBlock> listed = MastodonCsv.read(new StringReader(csv.body()));
            assertEquals(List.copyOf(second.domainBlocks().values()), listed);
            assertEquals(Severity.SILENCE, listed.getFirst().severity());
            assertFalse(csv.body().contains("quiet.example"));
        }
    }

    @Test
    void theFeedIsCacheableAndNamedInNodeInfo() throws Exception {
        try (BlockBed bed = new BlockBed()) {
            HttpResponse<String> feed = bed.get("/blocklist.json", "application/json");
            assertEquals(200, feed.statusCode());
            assertTrue(feed.headers().firstValue("Cache-Control").orElse("").contains("max-age=300"));
            JsonNode nodeInfo = JSON.readTree(bed.get("/nodeinfo/2.1", "application/json").body());
            assertEquals(bed.url("/blocklist.json").toString(), nodeInfo.path("metadata").path("blocklist").asText());
        }
    }

    @Test
    void aTamperedFeedDoesNotVerify() throws Exception {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            assertEquals(303, maya.block("spam.example", "suspend", true, "spam"));
            JsonNode doc = document(bed, "/blocklist.json");
            ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("entries").get(0)).put("severity", "noop");
            org.junit.jupiter.api.Assertions.assertThrows(hearth.federation.blocklist.BlocklistFormatException.class,
                    () -> FeedDocument.verify(doc, key(bed)));
        }
    }

    @Test
    void aBadSinceIsRefused() {
        try (BlockBed bed = new BlockBed()) {
            assertEquals(400, bed.get("/blocklist.json?since=yesterday", "application/json").statusCode());
        }
    }

    /** The feed, verified with the key the node actor publishes under the feed's verificationMethod. */
    private static Feed verified(BlockBed bed) throws Exception {
        return FeedDocument.verify(document(bed, "/blocklist.json"), key(bed));
    }

    private static JsonNode document(BlockBed bed, String path) throws Exception {
        HttpResponse<String> response = bed.get(path, "application/json");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static byte[] key(BlockBed bed) throws Exception {
        JsonNode feed = document(bed, "/blocklist.json");
        String method = FeedDocument.verificationMethod(feed).orElseThrow();
        JsonNode actor = JSON.readTree(bed.get("/actor", "application/activity+json").body());
        assertEquals(actor.path("id").asText(), feed.path("issuer").asText());
        for (JsonNode key : actor.path("assertionMethod")) {
            if (key.path("id").asText().equals(method)) {
                return Multikey.decodeEd25519(key.path("publicKeyMultibase").asText());
            }
        }
        throw new AssertionError("the node actor publishes no key " + method + ": " + actor);
    }
}
