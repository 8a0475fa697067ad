package hearth.node.federation;

import java.net.URI;
import java.security.PrivateKey;

/**
 * Turns an outbox row's signer ("node", "circle/perinatal", "pseudonym/01J…") into the key id
 * and private key its deliveries are signed with. Thread-safe.
 */
public final class Signers {

    /** What signs one delivery. */
    public record Signer(URI actor, String keyId, PrivateKey key) {
    }

    private final ActorKeys keys;
    private final Urls urls;

    public Signers(ActorKeys keys, Urls urls) {
        this.keys = keys;
        this.urls = urls;
    }

    public Signer of(String signerPath) {
        URI actor = actorOf(signerPath);
        return new Signer(actor, Urls.keyId(actor), keys.rsa(signerPath).getPrivate());
    }

    public URI actorOf(String signerPath) {
        if (signerPath.equals(ActorKeys.nodePath())) {
            return urls.nodeActor();
        }
        if (signerPath.startsWith("circle/")) {
            return urls.circle(signerPath.substring("circle/".length()));
        }
        if (signerPath.startsWith("pseudonym/")) {
            return urls.person(signerPath.substring("pseudonym/".length()));
        }
        throw new IllegalArgumentException("unknown signer " + signerPath);
    }
}
