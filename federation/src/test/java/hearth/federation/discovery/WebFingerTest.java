package hearth.federation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebFingerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final URI ACTOR = URI.create("https://a.example/circles/perinatal");
    private static final URI PAGE = URI.create("https://a.example/c/perinatal");

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void documentIsTheJrdHearthServes() throws Exception {
        JsonNode expected = json("""
                {
                  "subject": "acct:perinatal@a.example",
                  "aliases": ["https://a.example/circles/perinatal", "https://a.example/c/perinatal"],
                  "links": [
                    {"rel": "self", "type": "application/activity+json", "href": "https://a.example/circles/perinatal"},
                    {"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": "https://a.example/c/perinatal"}
                  ]
                }""");
        assertEquals(expected, WebFinger.document(Handle.parse("perinatal@a.example"), ACTOR, PAGE));
    }

    @Test
    void ownDocumentLeadsBackToTheActor() {
        assertEquals(Optional.of(ACTOR), WebFinger.actorId(WebFinger.document(Handle.parse("perinatal@a.example"), ACTOR, PAGE)));
    }

    /** The shape Mastodon answers with (self link as activity+json, plus a profile page and a subscribe template). */
    @Test
    void findsActorInMastodonStyleAnswer() throws Exception {
        JsonNode jrd = json("""
                {
                  "subject": "acct:alice@b.example",
                  "aliases": ["https://b.example/@alice", "https://b.example/users/alice"],
                  "links": [
                    {"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": "https://b.example/@alice"},
                    {"rel": "self", "type": "application/activity+json", "href": "https://b.example/users/alice"},
                    {"rel": "http://ostatus.org/schema/1.0/subscribe", "template": "https://b.example/authorize_interaction?uri={uri}"}
                  ]
                }""");
        assertEquals(Optional.of(URI.create("https://b.example/users/alice")), WebFinger.actorId(jrd));
    }

    @Test
    void findsActorLinkedAsLdJsonWithActivityStreamsProfile() throws Exception {
        JsonNode jrd = json("""
                {"links": [{"rel": "self",
                  "type": "application/ld+json; profile=\\"https://www.w3.org/ns/activitystreams\\"",
                  "href": "https://c.example/u/bob"}]}""");
        assertEquals(Optional.of(URI.create("https://c.example/u/bob")), WebFinger.actorId(jrd));
    }

    @Test
    void skipsSelfLinkOfOtherType() throws Exception {
        JsonNode jrd = json("""
                {"links": [
                  {"rel": "self", "type": "text/html", "href": "https://c.example/u/bob.html"},
                  {"rel": "self", "type": "application/activity+json", "href": "https://c.example/u/bob"}
                ]}""");
        assertEquals(Optional.of(URI.create("https://c.example/u/bob")), WebFinger.actorId(jrd));
    }

    @Test
    void noActorWhenOnlyPlainLdJson() throws Exception {
        JsonNode jrd = json("""
                {"links": [{"rel": "self", "type": "application/ld+json", "href": "https://c.example/u/bob"}]}""");
        assertEquals(Optional.empty(), WebFinger.actorId(jrd));
    }

    @Test
    void noActorWhenHrefIsNotHttp() throws Exception {
        JsonNode jrd = json("""
                {"links": [{"rel": "self", "type": "application/activity+json", "href": "file:///etc/passwd"}]}""");
        assertEquals(Optional.empty(), WebFinger.actorId(jrd));
    }

    @Test
    void noActorWhenHrefIsRelative() throws Exception {
        JsonNode jrd = json("""
                {"links": [{"rel": "self", "type": "application/activity+json", "href": "/users/bob"}]}""");
        assertEquals(Optional.empty(), WebFinger.actorId(jrd));
    }

    @Test
    void noActorWhenThereAreNoLinks() throws Exception {
        assertEquals(Optional.empty(), WebFinger.actorId(json("{\"subject\": \"acct:bob@c.example\"}")));
    }

    @Test
    void noActorWhenLinksIsNotAList() throws Exception {
        assertEquals(Optional.empty(), WebFinger.actorId(json("{\"links\": \"https://c.example/u/bob\"}")));
    }

    @Test
    void lookupUriNamesTheAcctResource() {
        assertEquals(URI.create("https://a.example/.well-known/webfinger?resource=acct:perinatal@a.example"),
                WebFinger.lookupUri(Handle.parse("@perinatal@a.example"), "https"));
    }

    @Test
    void lookupUriKeepsThePort() {
        URI uri = WebFinger.lookupUri(Handle.parse("perinatal@127.0.0.1:8081"), "http");
        assertEquals("http://127.0.0.1:8081/.well-known/webfinger?resource=acct:perinatal@127.0.0.1:8081", uri.toString());
        assertEquals(8081, uri.getPort());
        assertEquals("acct:perinatal@127.0.0.1:8081", uri.getQuery().substring("resource=".length()));
    }

    @Test
    void lookupUriRefusesOtherSchemes() {
        Handle handle = Handle.parse("perinatal@a.example");
        assertThrows(IllegalArgumentException.class, () -> WebFinger.lookupUri(handle, "ftp"));
    }
}
