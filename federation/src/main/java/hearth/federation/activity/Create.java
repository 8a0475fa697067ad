package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.object.Post;
import java.net.URI;
import java.util.List;

/**
 * Someone wrote a thread ({@code Page}) or a reply ({@code Note}). Sent by the author's Person to the circle,
 * and announced by the circle to its followers.
 */
public record Create(URI id, URI actor, Post object, List<URI> to, List<URI> cc) implements Activity {

    public Create {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    /** Reads the activity; null when its object is not a post (e.g. a poll). */
    static Create fromJson(JsonNode json) {
        JsonNode object = json.get("object");
        if (object == null || !object.isObject()) {
            throw new Fields.Malformed("Create must embed its object");
        }
        String type = Fields.type(object);
        if (!Activities.POST_TYPES.contains(type)) {
            return null;
        }
        return new Create(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"), Post.fromJson(object),
                Fields.ids(json, "to"), Fields.ids(json, "cc"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Create", id, actor);
        json.set("object", object.toJson());
        Fields.put(json, "audience", object.audience());
        return Activities.finish(json, to, cc);
    }
}
