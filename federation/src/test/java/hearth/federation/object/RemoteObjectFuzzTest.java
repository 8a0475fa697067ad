package hearth.federation.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.Fixtures;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import hearth.federation.keys.RsaKeys;
import hearth.federation.proof.Multikey;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the objects a node fetches from strangers: actor documents (read
 * before any signature from that actor can be checked, since they carry its keys) and posts
 * (relayed or fetched from their origin). The contract: {@link Json.MalformedJson} or
 * {@link Fields.Malformed} for a bad document, {@link IllegalArgumentException} for a key Hearth
 * cannot read (RSA PEM, Ed25519 Multikey), nothing else and no hang; and what was read writes out
 * and reads back equal.
 *
 * <p>Seeds: the actors and posts of the fediverse fixtures in
 * {@code RemoteObjectFuzzTestInputs/fromJson/}.
 */
class RemoteObjectFuzzTest {

    private static final Set<String> POSTS = Set.of("Page", "Article", "Note");

    @BeforeAll
    static void warmUp() {
        // Loads (and, when fuzzing, instruments) the classes before the per-input timer runs.
        readAndWriteBack(Fixtures.bytes("fedify/person_two_keys.json"));
        readAndWriteBack(Json.bytes(Fixtures.json("mbin/create_page.json").get("object")));
    }

    @FuzzTest
    @Timeout(20)
    void fromJson(byte[] body) {
        readAndWriteBack(body);
    }

    private static void readAndWriteBack(byte[] body) {
        try {
            ObjectNode json = Json.parseObject(body);
            if (POSTS.contains(Fields.type(json))) {
                Post post = Post.fromJson(json);
                assertEquals(post, Post.fromJson(Json.parseObject(Json.bytes(post.toJson()))));
            } else {
                Actor actor = Actor.fromJson(json);
                assertEquals(actor, Actor.fromJson(Json.parseObject(Json.bytes(actor.toJson()))));
                readKeys(actor);
            }
        } catch (Json.MalformedJson | Fields.Malformed refused) {
            // The node answers these with 400 or treats the actor as unreachable.
        }
    }

    private static void readKeys(Actor actor) {
        if (actor.publicKey() != null) {
            try {
                RsaKeys.parsePublicPem(actor.publicKey().pem());
            } catch (IllegalArgumentException unreadable) {
                // A key Hearth cannot read is a key it does not trust.
            }
        }
        for (Actor.Multikey key : actor.assertionMethods()) {
            try {
                Multikey.decodeEd25519(key.publicKeyMultibase());
            } catch (IllegalArgumentException unreadable) {
                // As above.
            }
        }
    }
}
