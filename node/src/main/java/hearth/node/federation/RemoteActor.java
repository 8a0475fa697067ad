package hearth.node.federation;

import java.net.URI;
import java.security.PublicKey;
import java.util.Map;

/**
 * What this node keeps of an actor on another server: where to deliver to it, and the keys its
 * signatures and proofs are checked with. {@code multikeys} maps a verification method id to a
 * raw Ed25519 key.
 */
public record RemoteActor(URI uri, String host, String kind, String handle, String displayName, URI inbox,
        URI sharedInbox, URI outbox, URI followers, String keyId, PublicKey publicKey,
        Map<String, byte[]> multikeys, long fetchedAt) {

    public RemoteActor {
        multikeys = Map.copyOf(multikeys);
    }

    public URI deliveryInbox() {
        return sharedInbox != null ? sharedInbox : inbox;
    }

    /** The name shown beside her posts: the actor's name and where it lives, e.g. "Quiet Heron 4821 · a.example". */
    public String shownName() {
        String name = displayName == null || displayName.isBlank() ? handle : displayName;
        return (name == null || name.isBlank() ? "someone" : name.strip()) + " · " + host;
    }
}
