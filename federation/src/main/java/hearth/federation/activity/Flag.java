package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;
import java.util.List;

/**
 * A report about posts, sent by a node's own actor (never the reporter's) to the node the posts
 * come from. {@code content} is the reason and comment; Lemmy puts the reason in {@code summary}.
 */
public record Flag(URI id, URI actor, List<URI> objects, String content, List<URI> to) implements Activity {

    public Flag {
        objects = List.copyOf(objects);
        to = List.copyOf(to);
    }

    static Flag fromJson(JsonNode json) {
        String content = Fields.text(json, "content");
        if (content == null) {
            content = Fields.text(json, "summary");
        }
        List<URI> objects = Fields.ids(json, "object");
        if (objects.isEmpty()) {
            throw new Fields.Malformed("a Flag must name what it reports");
        }
        return new Flag(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"), objects,
                content == null ? "" : content, Fields.ids(json, "to"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Flag", id, actor);
        json.set("object", Activities.ids(objects));
        json.put("content", content);
        json.put("summary", content);
        return Activities.finish(json, to, List.of());
    }
}
