package hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void isOneParsableObjectWithTheBenchFirst() throws Exception {
        String line = new JsonLine("thread-page").put("rps", 4120).put("p50_ms", 0.9349, 2)
                .put("ok", true).finish(Size.QUICK);

        assertTrue(line.startsWith("{\"bench\":\"thread-page\",\"rps\":4120,\"p50_ms\":0.93,\"ok\":true,"), line);
        assertEquals(-1, line.indexOf('\n'));
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("quick", json.get("size").asText());
        assertTrue(json.get("cores").asInt() > 0);
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() throws Exception {
        String line = new JsonLine("x").put("note", "a \"b\" \\ c\nd").finish(Size.TINY);
        assertEquals("a \"b\" \\ c\nd", new ObjectMapper().readTree(line).get("note").asText());
    }

    @Test
    void aNumberThatIsNotFiniteBecomesNull() throws Exception {
        String line = new JsonLine("x").put("ratio", Double.NaN, 2).finish(Size.TINY);
        assertTrue(new ObjectMapper().readTree(line).get("ratio").isNull());
    }
}
