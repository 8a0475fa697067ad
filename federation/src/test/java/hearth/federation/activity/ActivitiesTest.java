package hearth.federation.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading activities: what is refused, what is ignored, how far embedding goes. */
class ActivitiesTest {

    private static final String NOTE = """
            {"type":"Note","id":"https://a.example/notes/1","attributedTo":"https://a.example/u/a","content":"hi"}""";

    private static ObjectNode json(String text) {
        return Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Activity> read(String text) {
        return Activities.fromJson(json(text));
    }

    private static void malformed(String text) {
        assertThrows(Fields.Malformed.class, () -> read(text));
    }

    private static String follow(String id, String actor, String object) {
        return "{\"type\":\"Follow\",\"id\":\"" + id + "\",\"actor\":\"" + actor + "\",\"object\":\"" + object + "\"}";
    }

    // ---- missing fields

    @Test
    void refusesAnActivityWithoutId() {
        malformed("""
                {"type":"Follow","actor":"https://a.example/u/a","object":"https://b.example/c/main"}""");
    }

    @Test
    void refusesAnActivityWithoutActor() {
        malformed("""
                {"type":"Follow","id":"https://a.example/f/1","object":"https://b.example/c/main"}""");
    }

    @Test
    void refusesAnActivityWithoutObject() {
        malformed("""
                {"type":"Follow","id":"https://a.example/f/1","actor":"https://a.example/u/a"}""");
    }

    @Test
    void refusesAnActivityWithoutType() {
        malformed("""
                {"id":"https://a.example/f/1","actor":"https://a.example/u/a","object":"https://b.example/c/main"}""");
    }

    @Test
    void refusesACreateWithoutObject() {
        malformed("""
                {"type":"Create","id":"https://a.example/c/1","actor":"https://a.example/u/a"}""");
    }

    @Test
    void refusesACreateNamingItsObjectOnlyById() {
        malformed("""
                {"type":"Create","id":"https://a.example/c/1","actor":"https://a.example/u/a",
                 "object":"https://a.example/notes/1"}""");
    }

    @Test
    void refusesACreateWhosePostHasNoAuthor() {
        malformed("""
                {"type":"Create","id":"https://a.example/c/1","actor":"https://a.example/u/a",
                 "object":{"type":"Note","id":"https://a.example/notes/1"}}""");
    }

    @Test
    void refusesAFlagWithoutObjects() {
        malformed("""
                {"type":"Flag","id":"https://a.example/r/1","actor":"https://a.example/actor","object":[]}""");
    }

    // ---- ids that are not http(s) URIs of a host

    @Test
    void refusesAJavascriptActivityId() {
        malformed(follow("javascript:alert(1)", "https://a.example/u/a", "https://b.example/c/main"));
    }

    @Test
    void refusesADataActor() {
        malformed(follow("https://a.example/f/1", "data:application/json,{}", "https://b.example/c/main"));
    }

    @Test
    void refusesARelativeObject() {
        malformed(follow("https://a.example/f/1", "https://a.example/u/a", "/c/main"));
    }

    @Test
    void refusesAnActorWithUserInfo() {
        malformed(follow("https://a.example/f/1", "https://b.example@a.example/u/a", "https://b.example/c/main"));
    }

    @Test
    void refusesAJavascriptPostIdInsideACreate() {
        malformed("""
                {"type":"Create","id":"https://a.example/c/1","actor":"https://a.example/u/a",
                 "object":{"type":"Note","id":"javascript:alert(1)","attributedTo":"https://a.example/u/a"}}""");
    }

    @Test
    void refusesADataInReplyToInsideACreate() {
        malformed("""
                {"type":"Create","id":"https://a.example/c/1","actor":"https://a.example/u/a",
                 "object":{"type":"Note","id":"https://a.example/n/1","attributedTo":"https://a.example/u/a",
                           "inReplyTo":"data:text/html,<script>alert(1)</script>"}}""");
    }

    // ---- ignored kinds

    @Test
    void ignoresAKindHearthDoesNotHandle() {
        assertEquals(Optional.empty(), read("""
                {"type":"Add","id":"https://a.example/add/1","actor":"https://a.example/u/a",
                 "object":"https://a.example/notes/1","target":"https://a.example/c/main/featured"}"""));
    }

    @Test
    void ignoresACreateOfSomethingElseThanAPost() {
        assertEquals(Optional.empty(), read("""
                {"type":"Create","id":"https://a.example/c/1","actor":"https://a.example/u/a",
                 "object":{"type":"Question","id":"https://a.example/q/1","attributedTo":"https://a.example/u/a"}}"""));
    }

    @Test
    void ignoresAnAnnounceOfAnAnnounce() {
        assertEquals(Optional.empty(), read("""
                {"type":"Announce","id":"https://a.example/an/2","actor":"https://a.example/c/main",
                 "object":{"type":"Announce","id":"https://b.example/an/1","actor":"https://b.example/c/other",
                           "object":"https://b.example/notes/1"}}"""));
    }

    @Test
    void ignoresAnUndoOfAnIgnoredKind() {
        assertEquals(Optional.empty(), read("""
                {"type":"Undo","id":"https://a.example/undo/1","actor":"https://a.example/u/a",
                 "object":{"type":"Dislike","id":"https://a.example/dislike/1","actor":"https://a.example/u/a",
                           "object":"https://b.example/post/1"}}"""));
    }

    @Test
    void ignoresAnUndoOfAnUndo() {
        assertEquals(Optional.empty(), read("""
                {"type":"Undo","id":"https://a.example/undo/2","actor":"https://a.example/u/a",
                 "object":{"type":"Undo","id":"https://a.example/undo/1","actor":"https://a.example/u/a",
                           "object":"https://a.example/f/1"}}"""));
    }

    @Test
    void ignoresAnAnnounceOfAnUndoOfAnAnnounce() {
        assertEquals(Optional.empty(), read("""
                {"type":"Announce","id":"https://a.example/an/2","actor":"https://a.example/c/main",
                 "object":{"type":"Undo","id":"https://a.example/undo/1","actor":"https://a.example/u/a",
                   "object":{"type":"Announce","id":"https://a.example/an/1","actor":"https://a.example/u/a",
                             "object":"https://b.example/notes/1"}}}"""));
    }

    @Test
    void refusesAnActivityThatIsNotAnObject() {
        assertThrows(Fields.Malformed.class, () -> Activities.fromJson(Json.array()));
    }

    // ---- what embedding keeps

    @Test
    void undoNamingItsActivityOnlyById() {
        Undo undo = assertInstanceOf(Undo.class, read("""
                {"type":"Undo","id":"https://a.example/undo/1","actor":"https://a.example/u/a",
                 "object":"https://a.example/f/1"}""").orElseThrow());
        assertEquals(URI.create("https://a.example/f/1"), undo.objectId());
        assertNull(undo.object());
    }

    @Test
    void announceOfAnEmbeddedPostIsABoost() {
        Announce announce = assertInstanceOf(Announce.class, read("""
                {"type":"Announce","id":"https://b.example/an/1","actor":"https://b.example/u/b","object":%s}"""
                .formatted(NOTE)).orElseThrow());
        assertNull(announce.activity());
        assertEquals(URI.create("https://a.example/notes/1"), announce.objectId());
        assertEquals(json(NOTE), announce.embeddedJson());
    }

    @Test
    void announceKeepsTheEmbeddedJsonAsReceived() {
        String create = """
                {"type":"Create","id":"https://a.example/c/1","actor":"https://a.example/u/a","object":%s,
                 "proof":{"type":"DataIntegrityProof","proofValue":"z1"}}""".formatted(NOTE);
        Announce announce = assertInstanceOf(Announce.class, read("""
                {"type":"Announce","id":"https://b.example/an/1","actor":"https://b.example/c/main","object":%s}"""
                .formatted(create)).orElseThrow());
        assertEquals(json(create), announce.embeddedJson());
        assertEquals(json(create), announce.toJson().get("object"));
    }

    @Test
    void acceptNamingTheFollowOnlyById() {
        Accept accept = assertInstanceOf(Accept.class, read("""
                {"type":"Accept","id":"https://b.example/acc/1","actor":"https://b.example/c/main",
                 "object":"https://a.example/f/1"}""").orElseThrow());
        assertNull(accept.follow());
        assertEquals(URI.create("https://a.example/f/1"), accept.followId());
    }
}
