package hearth.federation.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * An actor document: a circle ({@code Group}), a pseudonym ({@code Person}), a node
 * ({@code Application}), or whatever a remote server presents.
 *
 * <p>{@code publicKey} is the RSA key HTTP signatures are checked with (the first, when several
 * are listed); {@code assertionMethods} are the Ed25519 Multikeys object proofs are checked with
 * (keys of other types listed there are left out). {@code moderators} is the Group's moderators
 * collection (Lemmy calls it {@code attributedTo}). Immutable.
 */
public record Actor(URI id, ActorType type, String preferredUsername, String name, String summary, URI url,
        URI inbox, URI outbox, URI followers, URI moderators, URI sharedInbox, PublicKey publicKey,
        List<Multikey> assertionMethods) {

    /** How every base58btc Ed25519 Multikey value begins (the multicodec prefix 0xed 0x01). */
    private static final String ED25519_MULTIBASE_PREFIX = "z6Mk";

    public Actor {
        assertionMethods = List.copyOf(assertionMethods);
    }

    /** An RSA public key in PEM, owned by {@code owner}. */
    public record PublicKey(URI id, URI owner, String pem) {
    }

    /** An Ed25519 public key as a multibase string, controlled by {@code controller}. */
    public record Multikey(URI id, URI controller, String publicKeyMultibase) {
    }

    /** The inbox to deliver to: the shared one when offered. */
    public URI deliveryInbox() {
        return sharedInbox != null ? sharedInbox : inbox;
    }

    public static Actor fromJson(JsonNode json) {
        ActorType type = ActorType.of(Fields.type(json));
        URI id = Fields.requiredId(json, "id");
        JsonNode endpoints = json.get("endpoints");
        URI sharedInbox = endpoints != null && endpoints.isObject() ? Fields.id(endpoints, "sharedInbox") : null;
        PublicKey key = null;
        JsonNode keyJson = json.get("publicKey");
        if (keyJson != null && keyJson.isArray() && !keyJson.isEmpty()) {
            keyJson = keyJson.get(0);
        }
        if (keyJson != null && keyJson.isObject()) {
            key = new PublicKey(Fields.requiredId(keyJson, "id"), Fields.requiredId(keyJson, "owner"),
                    Fields.requiredText(keyJson, "publicKeyPem"));
        }
        List<Multikey> multikeys = new ArrayList<>();
        JsonNode methods = json.get("assertionMethod");
        if (methods != null) {
            for (JsonNode method : methods.isArray() ? methods : List.of(methods)) {
                if (method.isObject() && "Multikey".equals(Fields.text(method, "type"))) {
                    Multikey multikey = new Multikey(Fields.requiredId(method, "id"),
                            Fields.requiredId(method, "controller"), Fields.requiredText(method, "publicKeyMultibase"));
                    // Fedify and Mitra list their RSA keys here too; those never check an object proof.
                    if (multikey.publicKeyMultibase().startsWith(ED25519_MULTIBASE_PREFIX)) {
                        multikeys.add(multikey);
                    }
                }
            }
        }
        URI moderators = type == ActorType.GROUP ? Fields.id(json, "attributedTo") : null;
        return new Actor(id, type, Fields.text(json, "preferredUsername"), Fields.text(json, "name"),
                Fields.text(json, "summary"), Fields.id(json, "url"), Fields.requiredId(json, "inbox"),
                Fields.id(json, "outbox"), Fields.id(json, "followers"), moderators, sharedInbox, key, multikeys);
    }

    /** The actor document, with its {@code @context}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        Fields.put(json, "id", id);
        json.put("type", type.wireName());
        Fields.put(json, "preferredUsername", preferredUsername);
        Fields.put(json, "name", name);
        Fields.put(json, "summary", summary);
        Fields.put(json, "url", url);
        Fields.put(json, "inbox", inbox);
        Fields.put(json, "outbox", outbox);
        Fields.put(json, "followers", followers);
        if (type == ActorType.GROUP) {
            Fields.put(json, "attributedTo", moderators);
            json.put("postingRestrictedToMods", false);
        }
        json.put("manuallyApprovesFollowers", false);
        json.put("discoverable", type == ActorType.GROUP);
        if (sharedInbox != null) {
            json.putObject("endpoints").put("sharedInbox", sharedInbox.toString());
        }
        if (publicKey != null) {
            ObjectNode key = json.putObject("publicKey");
            key.put("id", publicKey.id().toString());
            key.put("owner", publicKey.owner().toString());
            key.put("publicKeyPem", publicKey.pem());
        }
        if (!assertionMethods.isEmpty()) {
            ArrayNode methods = json.putArray("assertionMethod");
            for (Multikey key : assertionMethods) {
                ObjectNode method = methods.addObject();
                method.put("id", key.id().toString());
                method.put("type", "Multikey");
                method.put("controller", key.controller().toString());
                method.put("publicKeyMultibase", key.publicKeyMultibase());
            }
        }
        return Contexts.withContext(json);
    }
}
