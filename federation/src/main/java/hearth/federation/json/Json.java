package hearth.federation.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reading and writing ActivityPub JSON with limits fit for input from strangers.
 *
 * <p>Nesting deeper than {@value #MAX_DEPTH} levels, strings longer than one MiB and numbers
 * longer than {@value #MAX_NUMBER_LENGTH} digits are refused, so a hostile peer cannot make the
 * parser recurse or allocate without bound. So are bytes that are not UTF-8 and numbers beyond
 * the range of a double ({@code 1e999}), which the parser would read as something else (broken
 * characters, infinity) than what was sent, and write back as neither: what the node stores or
 * passes on must be what it accepted. The caller still limits the body size. Thread-safe.
 */
public final class Json {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 40;
    public static final int MAX_STRING_LENGTH = 1 << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            // Without it Jackson stops after the first value and ignores whatever follows.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Parses one JSON object; anything else (an array, a number, trailing garbage) is refused. */
    public static ObjectNode parseObject(byte[] body) {
        if (!isUtf8(body)) {
            throw new MalformedJson("not UTF-8");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw new MalformedJson("not valid JSON within Hearth's limits");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedJson("expected a JSON object");
        }
        if (!finite(node)) {
            throw new MalformedJson("a number beyond the range of a double");
        }
        return (ObjectNode) node;
    }

    /**
     * Jackson decodes UTF-8 leniently: a byte sequence for a code point past U+10FFFF, for
     * instance, becomes two unpaired surrogates, which it then cannot read back from its own output.
     */
    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean finite(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return Double.isFinite(node.doubleValue());
        }
        for (JsonNode child : node) {
            if (!finite(child)) {
                return false;
            }
        }
        return true;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    public static String string(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Thrown when input is not JSON, or JSON beyond the limits. */
    public static final class MalformedJson extends RuntimeException {
        public MalformedJson(String message) {
            super(message, null, false, false);
        }
    }
}
