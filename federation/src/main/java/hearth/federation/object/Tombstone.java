package hearth.federation.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import java.net.URI;
import java.time.Instant;

/** What is left of a deleted post: its id and when it went. */
public record Tombstone(URI id, String formerType, Instant deleted) {

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("type", "Tombstone");
        Fields.put(json, "id", id);
        Fields.put(json, "formerType", formerType);
        Fields.put(json, "deleted", deleted);
        return json;
    }
}
