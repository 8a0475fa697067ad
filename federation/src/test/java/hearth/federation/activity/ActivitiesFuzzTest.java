package hearth.federation.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.Fixtures;
import hearth.federation.inbox.OriginRules;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of what the inbox does with a body once its signature checked: read it
 * as JSON, read the activity, apply the same-origin rules. The contract: a hostile body is refused
 * with {@link Json.MalformedJson}, {@link Fields.Malformed} or {@link OriginRules.Refused} and
 * nothing else, without a hang; and an activity Hearth accepted writes out as JSON that reads back
 * as the same activity (what the node relays is what it understood).
 *
 * <p>Seeds: the fediverse fixtures (Mastodon, Lemmy, Mbin, Fedify) in
 * {@code ActivitiesFuzzTestInputs/fromJson/}.
 */
class ActivitiesFuzzTest {

    @BeforeAll
    static void warmUp() {
        // Loads (and, when fuzzing, instruments) the classes before the per-input timer runs.
        readAndWriteBack(Fixtures.bytes("lemmy/announce_create_page.json"));
    }

    @FuzzTest
    @Timeout(20)
    void fromJson(byte[] body) {
        readAndWriteBack(body);
    }

    private static void readAndWriteBack(byte[] body) {
        Optional<Activity> read;
        try {
            read = Activities.fromJson(Json.parseObject(body));
        } catch (Json.MalformedJson | Fields.Malformed refused) {
            return;
        }
        if (read.isEmpty()) {
            return;
        }
        Activity activity = read.get();
        try {
            OriginRules.check(activity);
        } catch (OriginRules.Refused refused) {
            // Refusing is the expected answer to most mutated activities; what matters is how.
        }
        ObjectNode written = activity.toJson();
        assertEquals(Optional.of(activity), Activities.fromJson(Json.parseObject(Json.bytes(written))));
    }
}
