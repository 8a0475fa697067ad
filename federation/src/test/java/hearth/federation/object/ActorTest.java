package hearth.federation.object;

import static hearth.federation.Fixtures.actor;
import static hearth.federation.Fixtures.roundTrip;
import static hearth.federation.Fixtures.uri;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import hearth.federation.proof.Multikey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Actor documents as Mastodon, Lemmy and Fedify serve them (fixtures; sources in their README). */
class ActorTest {

    private static ObjectNode json(String text) {
        return Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAMastodonPerson() {
        Actor actor = actor("mastodon/person.json");
        assertEquals(uri("https://mastodon.example/users/alice"), actor.id());
        assertEquals(ActorType.PERSON, actor.type());
        assertEquals("alice", actor.preferredUsername());
        assertEquals("Alice", actor.name());
        assertEquals(uri("https://mastodon.example/@alice"), actor.url());
        assertEquals(uri("https://mastodon.example/users/alice/inbox"), actor.inbox());
        assertEquals(uri("https://mastodon.example/users/alice/outbox"), actor.outbox());
        assertEquals(uri("https://mastodon.example/users/alice/followers"), actor.followers());
        assertEquals(uri("https://mastodon.example/inbox"), actor.sharedInbox());
        assertEquals(uri("https://mastodon.example/inbox"), actor.deliveryInbox());
        assertEquals(uri("https://mastodon.example/users/alice#main-key"), actor.publicKey().id());
        assertEquals(actor.id(), actor.publicKey().owner());
        assertTrue(actor.publicKey().pem().startsWith("-----BEGIN PUBLIC KEY-----\nMIIBIjAN"));
        assertNull(actor.moderators());
        assertEquals(List.of(), actor.assertionMethods());
    }

    @Test
    void readsALemmyCommunity() {
        Actor actor = actor("lemmy/group.json");
        assertEquals(ActorType.GROUP, actor.type());
        assertEquals(uri("https://enterprise.lemmy.ml/c/main"), actor.id());
        assertEquals("main", actor.preferredUsername());
        assertEquals(uri("https://enterprise.lemmy.ml/c/main/moderators"), actor.moderators());
        assertEquals(uri("https://enterprise.lemmy.ml/c/main/followers"), actor.followers());
        assertEquals(uri("https://enterprise.lemmy.ml/inbox"), actor.deliveryInbox());
        assertEquals(uri("https://enterprise.lemmy.ml/c/main#main-key"), actor.publicKey().id());
        assertNull(actor.url());
    }

    @Test
    void readsALemmyPerson() {
        Actor actor = actor("lemmy/person.json");
        assertEquals(ActorType.PERSON, actor.type());
        assertEquals(uri("https://ds9.lemmy.ml/u/lemmy_alpha/inbox"), actor.inbox());
        assertEquals(uri("https://ds9.lemmy.ml/inbox"), actor.sharedInbox());
        assertNull(actor.followers());
        assertEquals(actor.id(), actor.publicKey().owner());
    }

    @Test
    void readsAFedifyPersonWithMultikeys() {
        Actor actor = actor("fedify/person.json");
        assertEquals(uri("https://fedify.example/users/alice#main-key"), actor.publicKey().id());
        assertEquals(uri("https://fedify.example/inbox"), actor.sharedInbox());
        // Fedify lists its RSA key as a Multikey too; only Ed25519 keys check object proofs.
        assertEquals(List.of(new Actor.Multikey(uri("https://fedify.example/users/alice#key-2"), actor.id(),
                "z6Mkpg8kpwo95uJszymo5LNb8531fKMU3jsxFfT6rDsiZFn5")), actor.assertionMethods());
        assertArrayEquals(HexFormat.of().parseHex("97e12d94880653d99586cdba474dbbbb709564440d51f1808c338ae9bbdee67e"),
                Multikey.decodeEd25519(actor.assertionMethods().get(0).publicKeyMultibase()));
    }

    @Test
    void readsTheFirstOfSeveralPublicKeys() {
        Actor actor = actor("fedify/person_two_keys.json");
        assertEquals(uri("https://fedify.example/users/bea#main-key"), actor.publicKey().id());
        assertTrue(actor.publicKey().pem().contains("MIIBIjAN"));
    }

    @Test
    void readsASingleAssertionMethod() {
        Actor actor = actor("fedify/person_two_keys.json");
        assertEquals(List.of(uri("https://fedify.example/users/bea#key-2")),
                actor.assertionMethods().stream().map(Actor.Multikey::id).toList());
    }

    @Test
    void mastodonPersonReadsBackEqual() {
        Actor actor = actor("mastodon/person.json");
        assertEquals(actor, roundTrip(actor));
    }

    @Test
    void lemmyCommunityReadsBackEqual() {
        Actor actor = actor("lemmy/group.json");
        assertEquals(actor, roundTrip(actor));
    }

    @Test
    void lemmyPersonReadsBackEqual() {
        Actor actor = actor("lemmy/person.json");
        assertEquals(actor, roundTrip(actor));
    }

    @Test
    void fedifyPersonReadsBackEqual() {
        Actor actor = actor("fedify/person.json");
        assertEquals(actor, roundTrip(actor));
        Actor two = actor("fedify/person_two_keys.json");
        assertEquals(two, roundTrip(two));
    }

    @Test
    void hearthsCircleDocument() {
        Actor circle = new Actor(uri("https://a.example/circles/perinatal"), ActorType.GROUP, "perinatal",
                "Perinatal support", "<p>A quiet place.</p>", uri("https://a.example/c/perinatal"),
                uri("https://a.example/circles/perinatal/inbox"), uri("https://a.example/circles/perinatal/outbox"),
                uri("https://a.example/circles/perinatal/followers"), uri("https://a.example/circles/perinatal/moderators"),
                uri("https://a.example/inbox"),
                new Actor.PublicKey(uri("https://a.example/circles/perinatal#main-key"),
                        uri("https://a.example/circles/perinatal"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
                List.of(new Actor.Multikey(uri("https://a.example/circles/perinatal#ed25519-key"),
                        uri("https://a.example/circles/perinatal"), "z6Mkpg8kpwo95uJszymo5LNb8531fKMU3jsxFfT6rDsiZFn5")));
        ObjectNode json = circle.toJson();
        assertEquals(Contexts.ACTIVITY_STREAMS, json.get("@context").get(0).asText());
        assertEquals("Group", json.get("type").asText());
        assertEquals("https://a.example/circles/perinatal/moderators", json.get("attributedTo").asText());
        assertEquals("https://a.example/inbox", json.at("/endpoints/sharedInbox").asText());
        assertEquals("Multikey", json.at("/assertionMethod/0/type").asText());
        assertEquals(circle, roundTrip(circle));
    }

    @Test
    void refusesAnActorWithoutInbox() {
        assertThrows(Fields.Malformed.class, () -> Actor.fromJson(json("""
                {"type":"Person","id":"https://a.example/u/a"}""")));
    }

    @Test
    void refusesAnActorWithoutId() {
        assertThrows(Fields.Malformed.class, () -> Actor.fromJson(json("""
                {"type":"Person","inbox":"https://a.example/u/a/inbox"}""")));
    }

    @Test
    void refusesWhatIsNotAnActor() {
        assertThrows(Fields.Malformed.class, () -> Actor.fromJson(json("""
                {"type":"Note","id":"https://a.example/n/1","inbox":"https://a.example/inbox"}""")));
    }

    @Test
    void refusesAJavascriptInbox() {
        assertThrows(Fields.Malformed.class, () -> Actor.fromJson(json("""
                {"type":"Person","id":"https://a.example/u/a","inbox":"javascript:alert(1)"}""")));
    }

    @Test
    void refusesAKeyWithoutOwner() {
        assertThrows(Fields.Malformed.class, () -> Actor.fromJson(json("""
                {"type":"Person","id":"https://a.example/u/a","inbox":"https://a.example/u/a/inbox",
                 "publicKey":{"id":"https://a.example/u/a#main-key","publicKeyPem":"x"}}""")));
    }
}
