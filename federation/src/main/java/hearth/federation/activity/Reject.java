package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;
import java.util.List;

/**
 * A circle refuses a {@link Follow}. Senders embed the Follow or only name it by id; when only the id
 * came, {@code follow} is null and the receiver matches {@code followId} against what it sent.
 */
public record Reject(URI id, URI actor, URI followId, Follow follow) implements Activity {

    public static Reject of(URI id, URI actor, Follow follow) {
        return new Reject(id, actor, follow.id(), follow);
    }

    public static Reject fromJson(JsonNode json) {
        JsonNode object = json.get("object");
        Follow follow = object != null && object.isObject() && "Follow".equals(Fields.text(object, "type"))
                ? Follow.fromJson(object) : null;
        return new Reject(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"),
                Fields.requiredId(json, "object"), follow);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Reject", id, actor);
        if (follow != null) {
            json.set("object", Activities.bare(follow));
            return Activities.finish(json, List.of(follow.actor()), List.of());
        }
        json.put("object", followId.toString());
        return Activities.finish(json, List.of(), List.of());
    }
}
