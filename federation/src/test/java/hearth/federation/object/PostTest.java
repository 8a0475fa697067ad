package hearth.federation.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostTest {

    private static final URI CIRCLE = URI.create("https://a.example/circles/perinatal");
    private static final URI AUTHOR = URI.create("https://a.example/p/quiet-heron");
    private static final URI PUBLIC = URI.create(Fields.PUBLIC);

    private static ObjectNode json(String text) {
        return Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Post reread(Post post) {
        return Post.fromJson(Json.parseObject(Json.bytes(post.toJson())));
    }

    private static Page thread() {
        return new Page(URI.create("https://a.example/threads/12"), AUTHOR, CIRCLE,
                URI.create("https://a.example/threads/12/context"), "Nights are the hardest",
                "<p>Does anyone else lie awake?</p>", "Does anyone else lie awake?",
                Instant.parse("2026-01-02T03:04:05Z"), null, true, "sleep, anxiety",
                List.of(PUBLIC, CIRCLE), List.of(URI.create("https://a.example/circles/perinatal/followers")));
    }

    @Test
    void hearthsThreadReadsBackEqual() {
        assertEquals(thread(), reread(thread()));
    }

    @Test
    void hearthsReplyReadsBackEqual() {
        Note reply = new Note(URI.create("https://a.example/posts/13"), AUTHOR, CIRCLE,
                URI.create("https://a.example/threads/12/context"), URI.create("https://a.example/threads/12"),
                "<p>Yes. You are not alone.</p>", null, Instant.parse("2026-01-02T03:14:15Z"),
                Instant.parse("2026-01-02T03:20:00Z"), false, null, List.of(PUBLIC), List.of(CIRCLE));
        assertEquals(reply, reread(reply));
    }

    @Test
    void timesAreKeptToTheSecond() {
        // Hearth writes whole seconds, so a post holds whole seconds and reads back equal.
        Note note = new Note(URI.create("https://a.example/posts/13"), AUTHOR, null, null, null, "", null,
                Instant.parse("2026-11-22T10:00:13.686853678Z"), Instant.parse("2026-11-22T10:05:00.5Z"),
                false, null, List.of(), List.of());
        assertEquals(Instant.parse("2026-11-22T10:00:13Z"), note.published());
        assertEquals(Instant.parse("2026-11-22T10:05:00Z"), note.updated());
        assertEquals(note, reread(note));
    }

    @Test
    void writesTheShapeLemmyReads() {
        ObjectNode json = thread().toJson();
        assertEquals("Page", json.get("type").asText());
        assertEquals("Nights are the hardest", json.get("name").asText());
        assertEquals("text/html", json.get("mediaType").asText());
        assertEquals("text/markdown", json.at("/source/mediaType").asText());
        assertEquals(CIRCLE.toString(), json.get("audience").asText());
        assertTrue(json.get("sensitive").asBoolean());
        assertEquals("sleep, anxiety", json.get("summary").asText());
        assertEquals("2026-01-02T03:04:05Z", json.get("published").asText());
    }

    @Test
    void anArticleIsAThread() {
        Post post = Post.fromJson(json("""
                {"type":"Article","id":"https://blog.example/2026/hello","attributedTo":"https://blog.example/author",
                 "name":"Hello","content":"<p>hi</p>"}"""));
        assertInstanceOf(Page.class, post);
        assertEquals("Hello", ((Page) post).name());
    }

    @Test
    void aPageWithoutNameHasAnEmptyTitle() {
        Page page = (Page) Post.fromJson(json("""
                {"type":"Page","id":"https://a.example/t/1","attributedTo":"https://a.example/u/a"}"""));
        assertEquals("", page.name());
        assertEquals("", page.contentHtml());
    }

    @Test
    void contentFallsBackToContentMap() {
        Post post = Post.fromJson(json("""
                {"type":"Note","id":"https://a.example/n/1","attributedTo":"https://a.example/u/a",
                 "contentMap":{"de":"<p>Hallo</p>","en":"<p>Hello</p>"}}"""));
        assertEquals("<p>Hallo</p>", post.contentHtml());
    }

    @Test
    void contentWinsOverContentMap() {
        Post post = Post.fromJson(json("""
                {"type":"Note","id":"https://a.example/n/1","attributedTo":"https://a.example/u/a",
                 "content":"<p>Hi</p>","contentMap":{"en":"<p>Hello</p>"}}"""));
        assertEquals("<p>Hi</p>", post.contentHtml());
    }

    @Test
    void sourceInAnotherMarkupIsNotTakenForMarkdown() {
        Post post = Post.fromJson(json("""
                {"type":"Note","id":"https://a.example/n/1","attributedTo":"https://a.example/u/a",
                 "source":{"content":"$[x2 hi]","mediaType":"text/x.misskeymarkdown"}}"""));
        assertNull(post.source());
    }

    @Test
    void sourceGivenAsALinkIsIgnored() {
        // Mbin puts a link post's URL in "source".
        Post post = Post.fromJson(json("""
                {"type":"Page","id":"https://a.example/t/1","attributedTo":"https://a.example/u/a",
                 "source":"https://joinmbin.org"}"""));
        assertNull(post.source());
    }

    @Test
    void notSensitiveUnlessSaidSo() {
        Post post = Post.fromJson(json("""
                {"type":"Note","id":"https://a.example/n/1","attributedTo":"https://a.example/u/a","summary":"cw"}"""));
        assertFalse(post.sensitive());
        assertEquals("cw", post.summary());
    }

    @Test
    void refusesAPostWithoutId() {
        assertThrows(Fields.Malformed.class, () -> Post.fromJson(json("""
                {"type":"Note","attributedTo":"https://a.example/u/a","content":"x"}""")));
    }

    @Test
    void refusesAPostWithoutAuthor() {
        assertThrows(Fields.Malformed.class, () -> Post.fromJson(json("""
                {"type":"Note","id":"https://a.example/n/1","content":"x"}""")));
    }

    @Test
    void refusesAPostWithAJavascriptInReplyTo() {
        assertThrows(Fields.Malformed.class, () -> Post.fromJson(json("""
                {"type":"Note","id":"https://a.example/n/1","attributedTo":"https://a.example/u/a",
                 "inReplyTo":"javascript:alert(1)"}""")));
    }

    @Test
    void refusesWhatIsNotAPost() {
        assertThrows(Fields.Malformed.class, () -> Post.fromJson(json("""
                {"type":"Question","id":"https://a.example/q/1","attributedTo":"https://a.example/u/a"}""")));
    }

    @Test
    void tombstoneNamesWhatWasDeleted() {
        ObjectNode json = new Tombstone(URI.create("https://a.example/posts/13"), "Note",
                Instant.parse("2026-01-03T00:00:00Z")).toJson();
        assertEquals("Tombstone", json.get("type").asText());
        assertEquals("https://a.example/posts/13", json.get("id").asText());
        assertEquals("Note", json.get("formerType").asText());
        assertEquals("2026-01-03T00:00:00Z", json.get("deleted").asText());
    }
}
