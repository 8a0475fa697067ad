package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;
import java.util.List;

/**
 * Takes back an earlier activity (a Follow, a Like, a Lock, an Announce). {@code object} is the
 * embedded activity, or null when the sender only named it by {@code objectId}.
 */
public record Undo(URI id, URI actor, URI objectId, Activity object) implements Activity {

    public static Undo of(URI id, URI actor, Activity object) {
        return new Undo(id, actor, object.id(), object);
    }

    /** Reads the activity; null when it takes back a kind Hearth ignores (which needs no undoing). */
    public static Undo fromJson(JsonNode json) {
        return fromJson(json, true);
    }

    /** As {@link #fromJson(JsonNode)}; {@code announceAllowed} is false inside an Announce. */
    static Undo fromJson(JsonNode json, boolean announceAllowed) {
        JsonNode embedded = json.get("object");
        Activity object = null;
        if (Activities.embedsTypedObject(embedded)) {
            object = Activities.read(embedded, announceAllowed, false).orElse(null);
            if (object == null) {
                return null;
            }
        }
        return new Undo(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"),
                Fields.requiredId(json, "object"), object);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Undo", id, actor);
        if (object != null) {
            json.set("object", Activities.bare(object));
        } else {
            json.put("object", objectId.toString());
        }
        return Activities.finish(json, object instanceof Follow follow ? List.of(follow.object()) : List.of(),
                List.of());
    }
}
