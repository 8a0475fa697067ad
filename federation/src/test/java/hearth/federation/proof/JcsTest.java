package hearth.federation.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    /** RFC 8785 sections 3.2.2 to 3.2.4: the worked example, as text and as UTF-8 bytes. */
    @Test
    void rfc8785WorkedExample() throws Exception {
        JsonNode input = json("""
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""");
        assertEquals("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", Jcs.canonicalize(input));
        byte[] expected = HexFormat.ofDelimiter(" ").parseHex(
                "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61 6c 73 65 5d 2c "
                + "22 6e 75 6d 62 65 72 73 22 3a 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c "
                + "31 65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37 5d 2c 22 73 74 72 69 6e 67 "
                + "22 3a 22 e2 82 ac 24 5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d");
        assertArrayEquals(expected, Jcs.canonicalBytes(input));
    }

    /** RFC 8785 section 3.2.3: properties sorted by UTF-16 code units, not code points or locale. */
    @Test
    void rfc8785PropertySorting() throws Exception {
        JsonNode input = json("""
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""");
        assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
                Jcs.canonicalize(input));
    }

    /** RFC 8785 appendix B, table 1: IEEE-754 doubles (as hex bits) and their JSON text. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void rfc8785NumberSamples(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
        assertEquals(expected, Jcs.canonicalize(new DoubleNode(value)));
    }

    /** RFC 8785 appendix B: NaN and Infinity have no JSON form and must be an error. */
    @Test
    void refusesNaN() {
        double nan = Double.longBitsToDouble(0x7fffffffffffffffL);
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(new DoubleNode(nan)));
    }

    @Test
    void refusesInfinity() {
        double infinity = Double.longBitsToDouble(0x7ff0000000000000L);
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(new DoubleNode(infinity)));
    }

    @Test
    void refusesIntegerBeyondTwoToThe53() {
        JsonNode big = new BigIntegerNode(BigInteger.TWO.pow(53).add(BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(big));
    }

    @Test
    void refusesNegativeLongBeyondTwoToThe53() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(new LongNode(-(1L << 53) - 2)));
    }

    @Test
    void refusesIntegerLiteralParsedFromText() throws Exception {
        JsonNode parsed = json("{\"id\":12345678901234567890}");
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(parsed));
    }

    @Test
    void acceptsIntegersUpToTwoToThe53() {
        assertEquals("9007199254740992", Jcs.canonicalize(new LongNode(1L << 53)));
        assertEquals("-9007199254740992", Jcs.canonicalize(new LongNode(-(1L << 53))));
    }

    @Test
    void refusesUnpairedHighSurrogate() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(new TextNode("a\ud83d")));
    }

    @Test
    void refusesUnpairedLowSurrogate() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(new TextNode("\ude00b")));
    }

    @Test
    void refusesBinaryNode() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(new BinaryNode(new byte[] {1})));
    }

    /** cyberphone/json-canonicalization testdata (the RFC's reference test data): arrays.json. */
    @Test
    void cyberphoneArrays() throws Exception {
        assertEquals("[56,{\"1\":[],\"10\":null,\"d\":true}]",
                Jcs.canonicalize(json("[56, {\"d\": true, \"10\": null, \"1\": [ ]}]")));
    }

    /** cyberphone/json-canonicalization testdata: structures.json. */
    @Test
    void cyberphoneStructures() throws Exception {
        JsonNode input = json("""
                {
                  "1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0},
                  "10": { },
                  "": "empty",
                  "a": { },
                  "111": [ {"e": "yes","E": "no" } ],
                  "A": { }
                }""");
        assertEquals("{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},"
                + "\"111\":[{\"E\":\"no\",\"e\":\"yes\"}],\"A\":{},\"a\":{}}", Jcs.canonicalize(input));
    }

    /** cyberphone/json-canonicalization testdata: french.json (no locale-aware sorting). */
    @Test
    void cyberphoneFrench() throws Exception {
        JsonNode input = json("""
                {"peach": "This sorting order", "p\u00e9ch\u00e9": "is wrong according to French",
                 "p\u00eache": "but canonicalization MUST", "sin": "ignore locale"}""");
        assertEquals("{\"peach\":\"This sorting order\",\"p\u00e9ch\u00e9\":\"is wrong according to French\","
                + "\"p\u00eache\":\"but canonicalization MUST\",\"sin\":\"ignore locale\"}", Jcs.canonicalize(input));
    }

    /** cyberphone/json-canonicalization testdata: unicode.json (no normalization). */
    @Test
    void cyberphoneUnicodeIsNotNormalized() throws Exception {
        assertEquals("{\"Unnormalized Unicode\":\"A\u030a\"}",
                Jcs.canonicalize(json("{\"Unnormalized Unicode\":\"A\\u030a\"}")));
    }

    /** cyberphone/json-canonicalization testdata: weird.json. */
    @Test
    void cyberphoneWeird() throws Exception {
        JsonNode input = json("""
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\u000a": "Newline",
                  "1": "One",
                  "\\u0080": "Control\\u007f",
                  "\\ud83d\\ude02": "Smiley",
                  "\\u00f6": "Latin Small Letter O With Diaeresis",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "</script>": "Browser Challenge"
                }""");
        assertEquals("{\"\\n\":\"Newline\",\"\\r\":\"Carriage Return\",\"1\":\"One\",\"</script>\":\"Browser Challenge\","
                + "\"\u0080\":\"Control\u007f\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude02\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", Jcs.canonicalize(input));
    }

    @Test
    void escapesEveryControlCharacterAndNothingElse() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        String out = Jcs.canonicalize(JsonNodeFactory.instance.textNode(all.toString()));
        assertEquals("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d"
                + "\\u001e\\u001f !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`"
                + "abcdefghijklmnopqrstuvwxyz{|}~\u007f\"", out);
    }
}
