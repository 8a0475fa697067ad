package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;
import java.util.List;

/**
 * A circle passes an activity on to its followers (FEP-1b12): the object is the original
 * activity, embedded as its author sent it, so followers can check it against its origin.
 * A Mastodon boost names a post by id instead, and some servers embed the post itself; then
 * {@code activity} is null.
 *
 * <p>{@code embeddedJson} is the embedded activity exactly as received or as it will be sent
 * (with the post's integrity proof), or null when the object is only an id.
 */
public record Announce(URI id, URI actor, URI objectId, Activity activity, ObjectNode embeddedJson,
        List<URI> to, List<URI> cc) implements Activity {

    public Announce {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    /** A circle's announce of an activity, with the embedded JSON to send as it is. */
    public static Announce of(URI id, URI circle, Activity activity, ObjectNode embeddedJson, URI followers) {
        ObjectNode embedded = embeddedJson.deepCopy();
        embedded.remove("@context");
        return new Announce(id, circle, activity.id(), activity, embedded,
                List.of(URI.create(Fields.PUBLIC)), List.of(followers));
    }

    /**
     * Reads the activity; null when it carries an activity Hearth ignores, or one of a kind that
     * may not be nested here ({@code undoAllowed} is false inside an Undo).
     */
    static Announce fromJson(JsonNode json, boolean undoAllowed) {
        JsonNode object = json.get("object");
        Activity activity = null;
        ObjectNode embedded = null;
        if (object != null && object.isObject()) {
            embedded = (ObjectNode) object;
            // An embedded post is a boost, like a post named by id; anything else must be an activity.
            if (Activities.embedsTypedObject(object) && !Activities.POST_TYPES.contains(Fields.type(object))) {
                activity = Activities.read(object, false, undoAllowed).orElse(null);
                if (activity == null) {
                    return null;
                }
            }
        }
        return new Announce(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"),
                Fields.requiredId(json, "object"), activity, embedded, Fields.ids(json, "to"), Fields.ids(json, "cc"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Announce", id, actor);
        if (embeddedJson != null) {
            json.set("object", embeddedJson);
        } else {
            json.put("object", objectId.toString());
        }
        return Activities.finish(json, to, cc);
    }
}
