package hearth.federation.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Json;

/**
 * The JSON-LD {@code @context} Hearth puts on every document it serves or sends: ActivityStreams,
 * the security vocabulary (for {@code publicKey}), Data Integrity (for proofs and Multikeys), and
 * the few extension terms Lemmy and Mastodon also use.
 */
public final class Contexts {

    public static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
    public static final String SECURITY = "https://w3id.org/security/v1";
    public static final String DATA_INTEGRITY = "https://w3id.org/security/data-integrity/v1";
    public static final String MULTIKEY = "https://w3id.org/security/multikey/v1";

    private Contexts() {
    }

    /** Puts the context first in a new object holding the given fields. */
    public static ObjectNode withContext(ObjectNode document) {
        ObjectNode result = Json.object();
        ArrayNode context = result.putArray("@context");
        context.add(ACTIVITY_STREAMS).add(SECURITY).add(DATA_INTEGRITY).add(MULTIKEY);
        ObjectNode terms = context.addObject();
        terms.put("sensitive", "as:sensitive");
        terms.put("postingRestrictedToMods", "https://join-lemmy.org/ns#postingRestrictedToMods");
        terms.put("toot", "http://joinmastodon.org/ns#");
        terms.put("discoverable", "toot:discoverable");
        document.properties().forEach(e -> {
            if (!e.getKey().equals("@context")) {
                result.set(e.getKey(), e.getValue());
            }
        });
        return result;
    }
}
