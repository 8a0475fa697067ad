package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;
import java.util.List;

/**
 * A circle accepts a {@link Follow}. Senders embed the Follow or only name it by id; when only the id
 * came, {@code follow} is null and the receiver matches {@code followId} against what it sent.
 */
public record Accept(URI id, URI actor, URI followId, Follow follow) implements Activity {

    public static Accept of(URI id, URI actor, Follow follow) {
        return new Accept(id, actor, follow.id(), follow);
    }

    public static Accept fromJson(JsonNode json) {
        JsonNode object = json.get("object");
        Follow follow = object != null && object.isObject() && "Follow".equals(Fields.text(object, "type"))
                ? Follow.fromJson(object) : null;
        return new Accept(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"),
                Fields.requiredId(json, "object"), follow);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Accept", id, actor);
        if (follow != null) {
            json.set("object", Activities.bare(follow));
            return Activities.finish(json, List.of(follow.actor()), List.of());
        }
        json.put("object", followId.toString());
        return Activities.finish(json, List.of(), List.of());
    }
}
