package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;
import java.util.List;

/**
 * A reaction from another server. Hearth never sends one (reactions, and who gave them, stay on
 * the node they were given on); it reads them so other software's support is understood, and the
 * node ignores them.
 */
public record Like(URI id, URI actor, URI object) implements Activity {

    static Like fromJson(JsonNode json) {
        return new Like(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"),
                Fields.requiredId(json, "object"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Like", id, actor);
        json.put("object", object.toString());
        return Activities.finish(json, List.of(), List.of());
    }
}
