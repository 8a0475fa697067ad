package hearth.federation.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What fuzzing {@link Json} found ({@link JsonFuzzTest}), one named test per finding; the
 * crashing inputs are kept in {@code JsonFuzzTestInputs/}, where the fuzz test replays them too.
 */
class JsonFuzzFindingsTest {

    private static ObjectNode parse(String text) {
        return Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code crash-number-overflows-to-infinity.json}: {@code 999999E999999999} was read as
     * infinity and written back as the string {@code "Infinity"}, so the JSON the node stored and
     * passed on was not the JSON it had accepted. Such numbers are now refused.
     */
    @Test
    void aNumberBeyondTheRangeOfADoubleIsRefused() {
        assertThrows(Json.MalformedJson.class, () -> parse("{\"a\":[199919999999,999999E999999999]}"));
    }

    @Test
    void aNegativeNumberBeyondTheRangeOfADoubleIsRefused() {
        assertThrows(Json.MalformedJson.class, () -> parse("{\"a\":{\"b\":-1e400}}"));
    }

    @Test
    void theLargestDoubleIsRead() {
        assertEquals(Double.MAX_VALUE, parse("{\"a\":1.7976931348623157e308}").get("a").doubleValue());
    }

    @Test
    void aNumberTooSmallForADoubleReadsAsZeroAndWritesBackTheSame() {
        ObjectNode json = parse("{\"a\":1e-999}");

        assertEquals(0.0, json.get("a").doubleValue());
        assertEquals(json, Json.parseObject(Json.bytes(json)));
    }

    /**
     * {@code crash-invalid-utf8-read-as-unpaired-surrogates.json}: in a field name, the bytes
     * F6 xx xx xx (a code point past U+10FFFF, which UTF-8 does not have) were read as two
     * unpaired surrogates (U+DEB3 U+DF36); written back as two escapes, they were refused by the
     * parser, so Hearth could not read what it wrote. Bytes that are not UTF-8 are now refused
     * before parsing.
     */
    @Test
    void bytesBeyondUnicodeInAFieldNameAreRefused() {
        byte[] body = {'{', '"', 'a', (byte) 0xf6, (byte) 0x9f, (byte) 0x98, (byte) 0x80, '"', ':', '1', '}'};

        assertThrows(Json.MalformedJson.class, () -> Json.parseObject(body));
    }

    @Test
    void anEncodedSurrogateIsRefused() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'};

        assertThrows(Json.MalformedJson.class, () -> Json.parseObject(body));
    }

    @Test
    void anOverlongEncodingIsRefused() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'};

        assertThrows(Json.MalformedJson.class, () -> Json.parseObject(body));
    }

    @Test
    void fourByteUtf8AndEscapesAreRead() {
        ObjectNode json = parse("{\"caf\u00e9 \ud83c\udf19\":\"\\ud83c\\udf19\"}");

        assertEquals("\ud83c\udf19", json.get("caf\u00e9 \ud83c\udf19").textValue());
        assertEquals(json, Json.parseObject(Json.bytes(json)));
    }
}
