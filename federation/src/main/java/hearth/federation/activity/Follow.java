package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;

/** {@code actor} asks to receive what {@code object} (a circle) publishes. */
public record Follow(URI id, URI actor, URI object) implements Activity {

    public static Follow fromJson(JsonNode json) {
        return new Follow(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"),
                Fields.requiredId(json, "object"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Follow", id, actor);
        json.put("object", object.toString());
        return Activities.finish(json, java.util.List.of(object), java.util.List.of());
    }
}
