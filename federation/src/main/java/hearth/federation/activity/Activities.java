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
import java.util.Set;

/**
 * Reads activities from JSON. An activity of a kind Hearth does not handle (an {@code Add}, an
 * actor {@code Update}, a {@code Dislike}) reads as empty, so the inbox can acknowledge and
 * ignore it; so does an Announce or an Undo of such a kind, and an Announce of an Announce.
 * A known kind with missing or wrong fields is {@link Fields.Malformed}.
 *
 * <pre>{@code
 * Optional<Activity> activity = Activities.fromJson(Json.parseObject(body));
 * }</pre>
 * Stateless and thread-safe.
 */
public final class Activities {

    /** The object types read as posts; Hearth reads an Article as a thread. */
    static final Set<String> POST_TYPES = Set.of("Page", "Note", "Article");

    private Activities() {
    }

    public static Optional<Activity> fromJson(JsonNode json) {
        return read(json, true, true);
    }

    /**
     * Reads an activity, at the top or embedded. An Announce may carry an Undo and an Undo may take
     * back an Announce (Lemmy relays Undo(Lock) through the community; Mastodon undoes boosts),
     * but neither may hold its own kind again, so embedding ends after three levels.
     */
    static Optional<Activity> read(JsonNode json, boolean announceAllowed, boolean undoAllowed) {
        if (!json.isObject()) {
            throw new Fields.Malformed("an activity must be an object");
        }
        String type = Fields.type(json);
        return Optional.ofNullable(switch (type) {
            case "Follow" -> Follow.fromJson(json);
            case "Accept" -> Accept.fromJson(json);
            case "Reject" -> Reject.fromJson(json);
            case "Undo" -> undoAllowed ? Undo.fromJson(json, announceAllowed) : null;
            case "Create" -> Create.fromJson(json);
            case "Update" -> Update.fromJson(json);
            case "Delete" -> Delete.fromJson(json);
            case "Announce" -> announceAllowed ? Announce.fromJson(json, undoAllowed) : null;
            case "Like" -> Like.fromJson(json);
            case "Flag" -> Flag.fromJson(json);
            case "Lock" -> Lock.fromJson(json);
            default -> null;
        });
    }

    /**
     * True when a field embeds an object with a type, as opposed to naming it by id alone
     * (a bare id, or an object with nothing but an {@code id}).
     */
    static boolean embedsTypedObject(JsonNode object) {
        return object != null && object.isObject() && object.has("type");
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
