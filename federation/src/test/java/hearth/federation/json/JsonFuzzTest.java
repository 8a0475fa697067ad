package hearth.federation.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the JSON reader every inbound body goes through first. The contract:
 * any bytes are either one JSON object within Hearth's limits or {@link Json.MalformedJson}; never
 * another exception, a stack overflow or a hang. What is read is written back and read again to
 * the same tree, so the node can store and forward what it accepted.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs the seeds in {@code JsonFuzzTestInputs/} as unit
 * tests; {@code ./hearth fuzz} fuzzes it.
 */
class JsonFuzzTest {

    @BeforeAll
    static void warmUp() {
        // Loads (and, when fuzzing, instruments) the classes before the per-input timer runs.
        readAndWriteBack("{\"a\":[1,2.5,true,null,\"\\u00e9\"]}".getBytes(StandardCharsets.UTF_8));
    }

    @FuzzTest
    @Timeout(20)
    void parseObject(byte[] body) {
        readAndWriteBack(body);
    }

    private static void readAndWriteBack(byte[] body) {
        ObjectNode json;
        try {
            json = Json.parseObject(body);
        } catch (Json.MalformedJson refused) {
            return;
        }
        assertEquals(json, Json.parseObject(Json.bytes(json)));
    }
}
