package hearth.federation.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A Lock is written as Lemmy 0.19 writes one (fixture lemmy/lock_page.json): public, the circle in cc. */
class LockTest {

    private static final URI ID = URI.create("https://a.example/activities/lock-1");
    private static final URI CIRCLE = URI.create("https://a.example/c/perinatal");
    private static final URI THREAD = URI.create("https://a.example/c/perinatal/t/01J0000000000000000000000");

    @Test
    void isAddressedLikeLemmysLock() {
        ObjectNode json = new Lock(ID, CIRCLE, THREAD, CIRCLE).toJson();
        assertEquals(Fields.PUBLIC, json.path("to").get(0).asText());
        assertEquals(CIRCLE.toString(), json.path("cc").get(0).asText());
        assertEquals(CIRCLE.toString(), json.path("audience").asText());
        assertEquals(THREAD.toString(), json.path("object").asText());
    }

    @Test
    void readsBackAsItWasWritten() {
        Lock lock = new Lock(ID, CIRCLE, THREAD, CIRCLE);
        assertEquals(lock, Activities.fromJson(lock.toJson()).orElseThrow());
    }
}
