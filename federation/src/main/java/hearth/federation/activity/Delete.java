package hearth.federation.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.object.Tombstone;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A post is gone: deleted by its author, or removed by the circle's moderators, in which case
 * {@code summary} holds the reason readers are shown (as Lemmy sends removals).
 * The object arrives as an id, a Tombstone, or the whole deleted object; only its id counts.
 */
public record Delete(URI id, URI actor, URI object, String summary, URI audience, List<URI> to, List<URI> cc)
        implements Activity {

    public Delete {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    static Delete fromJson(JsonNode json) {
        return new Delete(Fields.requiredId(json, "id"), Fields.requiredId(json, "actor"),
                Fields.requiredId(json, "object"), Fields.text(json, "summary"), Fields.id(json, "audience"),
                Fields.ids(json, "to"), Fields.ids(json, "cc"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Activities.start("Delete", id, actor);
        json.set("object", new Tombstone(object, null, null).toJson());
        Fields.put(json, "summary", summary);
        Fields.put(json, "audience", audience);
        return Activities.finish(json, to, cc);
    }

    /** The tombstone a deleted post's URL answers with. */
    public static Tombstone tombstone(URI object, String formerType, Instant deleted) {
        return new Tombstone(object, formerType, deleted);
    }
}
