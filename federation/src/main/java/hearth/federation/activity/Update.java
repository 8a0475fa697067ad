package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.object.Post;
import java.net.URI;
import java.util.List;

/**
 * A post was edited: the object is the whole post as it is now.
 */
public record Update(URI id, URI actor, Post object, List<URI> to, List<URI> cc) implements Activity {

    public Update {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    /** Reads the activity; null when its object is not a post (e.g. an actor's profile update). */
    static Update fromJson(JsonNode json) {
        JsonNode object = json.get("object");
        if (object == null || !object.isObject()) {
            throw new Fields.Malformed("Update must embed its object");
        }
        String type = Fields.type(object);
        if (!Activities.POST_TYPES.contains(type)) {
            return null;
        }
        return new Update(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"), Post.fromJson(object),
                Fields.ids(json, "to"), Fields.ids(json, "cc"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Update", id, actor);
        json.set("object", object.toJson());
        Fields.put(json, "audience", object.audience());
        return Activities.finish(json, to, cc);
    }
}
