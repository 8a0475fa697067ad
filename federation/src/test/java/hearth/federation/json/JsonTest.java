package hearth.federation.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static ObjectNode parse(String text) {
        return Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String text) {
        assertThrows(Json.MalformedJson.class, () -> parse(text));
    }

    /** An object nested {@code depth} levels deep, counting the outermost as one. */
    private static String nested(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    @Test
    void readsAnObject() {
        ObjectNode json = parse("{\"type\":\"Follow\",\"n\":[1,2.5,true,null]}");
        assertEquals("Follow", json.get("type").asText());
        assertEquals(4, json.get("n").size());
    }

    @Test
    void writesWhatItReads() {
        String text = "{\"type\":\"Note\",\"content\":\"<p>caf\u00e9 \u2615</p>\",\"n\":[1,2]}";
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Json.bytes(parse(text)));
        assertEquals(text, Json.string(parse(text)));
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        assertEquals(1, parse(nested(Json.MAX_DEPTH)).size());
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        refused(nested(Json.MAX_DEPTH + 1));
    }

    @Test
    void refusesArraysNestedDeeperThanTheLimit() {
        refused("{\"a\":" + "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH) + "}");
    }

    @Test
    void refusesDuplicateKeys() {
        // Two readers of one document could otherwise disagree on which "actor" it names.
        refused("{\"id\":\"https://a.example/1\",\"actor\":\"https://a.example/u/a\",\"actor\":\"https://b.example/u/b\"}");
    }

    @Test
    void refusesDuplicateKeysInANestedObject() {
        refused("{\"object\":{\"id\":\"https://a.example/1\",\"id\":\"https://b.example/1\"}}");
    }

    @Test
    void acceptsAStringAtTheLimit() {
        String text = "x".repeat(Json.MAX_STRING_LENGTH);
        assertEquals(Json.MAX_STRING_LENGTH, parse("{\"content\":\"" + text + "\"}").get("content").asText().length());
    }

    @Test
    void refusesATwoMegabyteString() {
        refused("{\"content\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
    }

    @Test
    void refusesAHundredDigitInteger() {
        refused("{\"n\":" + "9".repeat(100) + "}");
    }

    @Test
    void refusesAHundredDigitDecimal() {
        refused("{\"n\":0." + "1".repeat(100) + "}");
    }

    @Test
    void acceptsANumberAtTheLimit() {
        assertEquals(Json.MAX_NUMBER_LENGTH, parse("{\"n\":" + "9".repeat(Json.MAX_NUMBER_LENGTH) + "}")
                .get("n").asText().length());
    }

    @Test
    void refusesATopLevelArray() {
        refused("[{\"type\":\"Follow\"}]");
    }

    @Test
    void refusesATopLevelString() {
        refused("\"https://a.example/activities/1\"");
    }

    @Test
    void refusesATopLevelNumber() {
        refused("42");
    }

    @Test
    void refusesATopLevelNull() {
        refused("null");
    }

    @Test
    void refusesAnEmptyBody() {
        refused("");
    }

    @Test
    void refusesTrailingGarbage() {
        refused("{\"type\":\"Follow\"} trailing");
    }

    @Test
    void refusesASecondDocument() {
        refused("{\"type\":\"Follow\"}{\"type\":\"Delete\"}");
    }

    @Test
    void refusesTruncatedJson() {
        refused("{\"type\":\"Follow\"");
    }

    @Test
    void refusesComments() {
        refused("{/* hi */\"type\":\"Follow\"}");
    }

    @Test
    void refusesSingleQuotes() {
        refused("{'type':'Follow'}");
    }

    @Test
    void refusesNaN() {
        refused("{\"n\":NaN}");
    }
}
