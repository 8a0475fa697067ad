package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.keys.Ed25519Keys;
import hearth.federation.keys.RsaKeys;
import hearth.federation.object.Actor;
import hearth.federation.object.ActorType;
import hearth.federation.proof.Multikey;
import java.net.URI;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;

/**
 * An actor living on a {@link FakeServer}: its id, its inbox, an RSA pair for HTTP signatures
 * and an Ed25519 pair for object proofs, both made fresh for the test. Its document names the
 * RSA key as {@code publicKey} ({@code id#main-key}) and the Ed25519 key as a Multikey in
 * {@code assertionMethod} ({@code id#ed25519-key}), as Hearth's own actors do. Immutable.
 */
record FakeActor(URI id, ActorType type, String name, String displayName, KeyPair rsa, KeyPair ed25519) {

    static FakeActor create(URI base, String name, ActorType type, String displayName) {
        return new FakeActor(URI.create(base + "/users/" + name), type, name, displayName, RsaKeys.generate(),
                Ed25519Keys.generate());
    }

    String keyId() {
        return id + "#main-key";
    }

    String proofKeyId() {
        return id + "#ed25519-key";
    }

    URI inbox() {
        return URI.create(id + "/inbox");
    }

    /** An id on this actor's server, for activities and posts it makes. */
    URI newId(String kind) {
        return URI.create(id + "/" + kind + "/" + UUID.randomUUID());
    }

    ObjectNode document() {
        return new Actor(id, type, name, displayName, "", id, inbox(), URI.create(id + "/outbox"),
                URI.create(id + "/followers"), null, null,
                new Actor.PublicKey(URI.create(keyId()), id, RsaKeys.publicPem(rsa.getPublic())),
                List.of(new Actor.Multikey(URI.create(proofKeyId()), id,
                        Multikey.encodeEd25519(Ed25519Keys.rawPublic(ed25519.getPublic()))))).toJson();
    }
}
