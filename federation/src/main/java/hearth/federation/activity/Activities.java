package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import hearth.federation.object.Contexts;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Reads activities from JSON. An activity of a kind Hearth does not handle (an {@code Add}, an
 * actor {@code Update}, a {@code Question}) reads as empty, so the inbox can acknowledge and
 * ignore it; a known kind with missing or wrong fields is {@link Fields.Malformed}.
 *
 * <pre>{@code
 * Optional<Activity> activity = Activities.fromJson(Json.parseObject(body));
 * }</pre>
 */
public final class Activities {

    private Activities() {
    }

    public static Optional<Activity> fromJson(JsonNode json) {
        return read(json, true);
    }

    /** An embedded activity (inside Announce, Undo, Accept); one level only, no Announce of an Announce. */
    static Optional<Activity> embedded(JsonNode json) {
        return read(json, false);
    }

    private static Optional<Activity> read(JsonNode json, boolean topLevel) {
        if (!json.isObject()) {
            throw new Fields.Malformed("an activity must be an object");
        }
        String type = Fields.type(json);
        return Optional.ofNullable(switch (type) {
            case "Follow" -> Follow.fromJson(json);
            case "Accept" -> Accept.fromJson(json);
            case "Reject" -> Reject.fromJson(json);
            case "Undo" -> topLevel ? Undo.fromJson(json) : null;
            case "Create" -> Create.fromJson(json);
            case "Update" -> Update.fromJson(json);
            case "Delete" -> Delete.fromJson(json);
            case "Announce" -> topLevel ? Announce.fromJson(json) : null;
            case "Like" -> Like.fromJson(json);
            case "Flag" -> Flag.fromJson(json);
            case "Lock" -> Lock.fromJson(json);
            default -> null;
        });
    }

    // ---- shared by the activity files

    static ObjectNode start(String type, URI id, URI actor) {
        ObjectNode json = Json.object();
        json.put("id", id.toString());
        json.put("type", type);
        json.put("actor", actor.toString());
        return json;
    }

    static ObjectNode finish(ObjectNode json, List<URI> to, List<URI> cc) {
        Fields.putIds(json, "to", to);
        Fields.putIds(json, "cc", cc);
        return Contexts.withContext(json);
    }

    /** An embedded activity's JSON without its own {@code @context}. */
    static ObjectNode bare(Activity activity) {
        ObjectNode json = activity.toJson();
        json.remove("@context");
        return json;
    }

    static ArrayNode ids(List<URI> ids) {
        ArrayNode array = Json.array();
        ids.forEach(id -> array.add(id.toString()));
        return array;
    }
}
