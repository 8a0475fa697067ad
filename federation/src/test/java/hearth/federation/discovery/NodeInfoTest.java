package hearth.federation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;

class NodeInfoTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Read back from text, so that counts compare as the numbers a peer would see. */
    private static JsonNode asParsed(JsonNode node) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(node));
    }

    @Test
    void wellKnownPointsAtThe21Document() throws Exception {
        assertEquals(MAPPER.readTree("""
                {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.1",
                            "href": "https://a.example/nodeinfo/2.1"}]}"""),
                NodeInfo.wellKnown(URI.create("https://a.example/nodeinfo/2.1")));
    }

    /** Every field the NodeInfo 2.1 schema requires, with the values its enums allow. */
    @Test
    void documentFollowsThe21Schema() throws Exception {
        assertEquals(MAPPER.readTree("""
                {
                  "version": "2.1",
                  "software": {"name": "hearth", "version": "0.1.0"},
                  "protocols": ["activitypub"],
                  "services": {"inbound": [], "outbound": []},
                  "openRegistrations": false,
                  "usage": {"users": {"total": 120, "activeMonth": 40, "activeHalfyear": 90}, "localPosts": 3000},
                  "metadata": {"nodeName": "Perinatal support"}
                }"""), asParsed(NodeInfo.document("0.1.0", 120, 40, 90, 3000, "Perinatal support")));
    }

    @Test
    void rejectsNegativeUserCount() {
        assertThrows(IllegalArgumentException.class, () -> NodeInfo.document("0.1.0", -1, 0, 0, 0, "n"));
    }

    @Test
    void rejectsNegativeActiveMonth() {
        assertThrows(IllegalArgumentException.class, () -> NodeInfo.document("0.1.0", 0, -1, 0, 0, "n"));
    }

    @Test
    void rejectsNegativeActiveHalfyear() {
        assertThrows(IllegalArgumentException.class, () -> NodeInfo.document("0.1.0", 0, 0, -1, 0, "n"));
    }

    @Test
    void rejectsNegativePostCount() {
        assertThrows(IllegalArgumentException.class, () -> NodeInfo.document("0.1.0", 0, 0, 0, -1, "n"));
    }

    @Test
    void rejectsBlankVersion() {
        assertThrows(IllegalArgumentException.class, () -> NodeInfo.document(" ", 0, 0, 0, 0, "n"));
    }
}
