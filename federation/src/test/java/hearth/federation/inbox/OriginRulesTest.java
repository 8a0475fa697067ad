package hearth.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.activity.Accept;
import hearth.federation.activity.Activities;
import hearth.federation.activity.Activity;
import hearth.federation.activity.Follow;
import hearth.federation.activity.Reject;
import hearth.federation.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OriginRulesTest {

    private static final URI ALICE = URI.create("https://a.example/u/alice");
    private static final URI CIRCLE = URI.create("https://b.example/circles/perinatal");

    private static Activity read(String text) {
        return Activities.fromJson(Json.parseObject(text.getBytes(StandardCharsets.UTF_8))).orElseThrow();
    }

    private static void refused(String text) {
        Activity activity = read(text);
        assertThrows(OriginRules.Refused.class, () -> OriginRules.check(activity));
    }

    private static void allowed(String text) {
        Activity activity = read(text);
        assertDoesNotThrow(() -> OriginRules.check(activity));
    }

    private static String create(String type, String actor, String postId, String author) {
        return """
                {"type":"%s","id":"https://a.example/activities/1","actor":"%s",
                 "object":{"type":"Note","id":"%s","attributedTo":"%s","content":"hi"}}"""
                .formatted(type, actor, postId, author);
    }

    // ---- the activity itself

    @Test
    void refusesAnActivityIdOnAnotherServer() {
        refused("""
                {"type":"Follow","id":"https://c.example/f/1","actor":"https://a.example/u/alice",
                 "object":"https://b.example/circles/perinatal"}""");
    }

    @Test
    void refusesAnActivityIdOnAnotherPort() {
        refused("""
                {"type":"Like","id":"https://a.example:8443/like/1","actor":"https://a.example/u/alice",
                 "object":"https://b.example/posts/1"}""");
    }

    @Test
    void refusesAnActivityIdOnPlainHttp() {
        refused("""
                {"type":"Like","id":"http://a.example/like/1","actor":"https://a.example/u/alice",
                 "object":"https://b.example/posts/1"}""");
    }

    // ---- Create and Update

    @Test
    void allowsACreateOfTheActorsOwnPost() {
        allowed(create("Create", "https://a.example/u/alice", "https://a.example/notes/1", "https://a.example/u/alice"));
    }

    @Test
    void refusesACreateWhosePostIsOnAnotherServer() {
        refused(create("Create", "https://a.example/u/alice", "https://c.example/notes/1", "https://a.example/u/alice"));
    }

    @Test
    void refusesACreateWhosePostIsAttributedToSomeoneElse() {
        refused(create("Create", "https://a.example/u/alice", "https://a.example/notes/1", "https://a.example/u/mallory"));
    }

    @Test
    void refusesAnUpdateWhosePostIsOnAnotherServer() {
        refused(create("Update", "https://a.example/u/alice", "https://c.example/notes/1", "https://a.example/u/alice"));
    }

    @Test
    void refusesAnUpdateWhosePostIsAttributedToSomeoneElse() {
        refused(create("Update", "https://a.example/u/alice", "https://a.example/notes/1", "https://a.example/u/mallory"));
    }

    // ---- Undo

    @Test
    void allowsAnUndoOfTheActorsOwnFollow() {
        allowed("""
                {"type":"Undo","id":"https://a.example/undo/1","actor":"https://a.example/u/alice",
                 "object":{"type":"Follow","id":"https://a.example/f/1","actor":"https://a.example/u/alice",
                           "object":"https://b.example/circles/perinatal"}}""");
    }

    @Test
    void refusesAnUndoOfAnotherActorsActivity() {
        refused("""
                {"type":"Undo","id":"https://a.example/undo/1","actor":"https://a.example/u/mallory",
                 "object":{"type":"Follow","id":"https://a.example/f/1","actor":"https://a.example/u/alice",
                           "object":"https://b.example/circles/perinatal"}}""");
    }

    @Test
    void refusesAnUndoOfAnotherActorsAnnounce() {
        refused("""
                {"type":"Undo","id":"https://a.example/undo/1","actor":"https://a.example/u/mallory",
                 "object":{"type":"Announce","id":"https://a.example/an/1","actor":"https://a.example/u/alice",
                           "object":"https://b.example/posts/1"}}""");
    }

    @Test
    void refusesAnUndoOfAnActivityOnAnotherServer() {
        refused("""
                {"type":"Undo","id":"https://a.example/undo/1","actor":"https://a.example/u/alice",
                 "object":"https://c.example/f/1"}""");
    }

    // ---- Accept and Reject

    @Test
    void allowsAnAcceptByTheFollowedCircle() {
        allowed("""
                {"type":"Accept","id":"https://b.example/acc/1","actor":"https://b.example/circles/perinatal",
                 "object":{"type":"Follow","id":"https://a.example/f/1","actor":"https://a.example/u/alice",
                           "object":"https://b.example/circles/perinatal"}}""");
    }

    @Test
    void refusesAnAcceptByAnotherActorThanTheFollowedOne() {
        refused("""
                {"type":"Accept","id":"https://b.example/acc/1","actor":"https://b.example/circles/other",
                 "object":{"type":"Follow","id":"https://a.example/f/1","actor":"https://a.example/u/alice",
                           "object":"https://b.example/circles/perinatal"}}""");
    }

    @Test
    void refusesARejectByAnotherActorThanTheFollowedOne() {
        Follow follow = new Follow(URI.create("https://a.example/f/1"), ALICE, CIRCLE);
        Reject reject = Reject.of(URI.create("https://c.example/rej/1"), URI.create("https://c.example/u/mallory"), follow);
        assertThrows(OriginRules.Refused.class, () -> OriginRules.check(reject));
    }

    @Test
    void hearthsOwnAcceptPasses() {
        Follow follow = new Follow(URI.create("https://a.example/f/1"), ALICE, CIRCLE);
        assertDoesNotThrow(() -> OriginRules.check(Accept.of(URI.create("https://b.example/acc/1"), CIRCLE, follow)));
    }

    // ---- Announce

    @Test
    void allowsACircleToAnnounceAPostFromElsewhere() {
        allowed("""
                {"type":"Announce","id":"https://b.example/an/1","actor":"https://b.example/circles/perinatal",
                 "object":%s}""".formatted(create("Create", "https://a.example/u/alice", "https://a.example/notes/1",
                "https://a.example/u/alice")));
    }

    @Test
    void refusesAnAnnouncedCreateWhosePostIsAttributedToSomeoneElse() {
        // The announced activity must keep the rules on its own, whoever relays it.
        refused("""
                {"type":"Announce","id":"https://b.example/an/1","actor":"https://b.example/circles/perinatal",
                 "object":%s}""".formatted(create("Create", "https://a.example/u/alice", "https://a.example/notes/1",
                "https://a.example/u/mallory")));
    }

    @Test
    void refusesAnAnnouncedActivityWhoseIdIsNotOnItsActorsServer() {
        refused("""
                {"type":"Announce","id":"https://b.example/an/1","actor":"https://b.example/circles/perinatal",
                 "object":{"type":"Like","id":"https://b.example/like/1","actor":"https://a.example/u/alice",
                           "object":"https://b.example/posts/1"}}""");
    }

    // ---- moderation from elsewhere is the node's to judge

    @Test
    void allowsAModeratorsRemovalOfAPostFromElsewhere() {
        allowed("""
                {"type":"Delete","id":"https://b.example/del/1","actor":"https://b.example/u/mod",
                 "object":"https://a.example/notes/1","summary":"off topic"}""");
    }

    // ---- sameOrigin

    @Test
    void sameOriginIgnoresHostCaseAndDefaultPort() {
        assertTrue(OriginRules.sameOrigin(URI.create("https://A.Example/u/a"), URI.create("https://a.example:443/x")));
        assertTrue(OriginRules.sameOrigin(URI.create("http://a.example/u/a"), URI.create("http://a.example:80/x")));
    }

    @Test
    void sameOriginTellsHostsSchemesAndPortsApart() {
        assertFalse(OriginRules.sameOrigin(URI.create("https://a.example/x"), URI.create("https://a.example.evil/x")));
        assertFalse(OriginRules.sameOrigin(URI.create("https://a.example/x"), URI.create("https://sub.a.example/x")));
        assertFalse(OriginRules.sameOrigin(URI.create("https://a.example/x"), URI.create("http://a.example/x")));
        assertFalse(OriginRules.sameOrigin(URI.create("https://a.example/x"), URI.create("https://a.example:8443/x")));
        assertFalse(OriginRules.sameOrigin(URI.create("https://a.example/x"), null));
    }
}
