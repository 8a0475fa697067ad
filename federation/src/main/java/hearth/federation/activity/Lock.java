package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;
import java.util.List;

/**
 * A circle's moderators close a thread to new replies (as Lemmy does); {@code Undo(Lock)} opens it.
 * {@code object} is the thread (its opening post's id); {@code audience} the circle. Written as
 * Lemmy writes it: public, with the circle in {@code cc}.
 */
public record Lock(URI id, URI actor, URI object, URI audience) implements Activity {

    static Lock fromJson(JsonNode json) {
        return new Lock(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"),
                Fields.requiredId(json, "object"), Fields.id(json, "audience"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Lock", id, actor);
        json.put("object", object.toString());
        Fields.put(json, "audience", audience);
        return Activities.finish(json, List.of(URI.create(Fields.PUBLIC)),
                audience == null ? List.of() : List.of(audience));
    }
}
