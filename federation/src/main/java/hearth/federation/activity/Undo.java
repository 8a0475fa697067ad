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

    public static Undo fromJson(JsonNode json) {
        JsonNode embedded = json.get("object");
        Activity object = embedded != null && embedded.isObject()
                ? Activities.embedded(embedded).orElse(null) : null;
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
