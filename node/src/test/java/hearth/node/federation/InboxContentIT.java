package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.object.ActorType;
import hearth.federation.object.Note;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a validly signed reply carries is still a stranger's markup: it is shown, but nothing
 * in it can run on the page: not in its HTML, not in its Markdown source, not in its author's
 * name. Each test finds the reply on the thread page (so it was taken) and then looks for
 * anything executable in it.
 */
class InboxContentIT {

    /** Elements and attributes that could run script or pull in another page. */
    private static final String EXECUTABLE = "script, img, iframe, object, embed, svg, style, form, "
            + "[onerror], [onload], [onclick], [onmouseover], [style], [src], a[href^=javascript], a[href^=data]";

    private static InboxBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void scriptInAReplysHtmlDoesNotReachThePage() {
        Note note = Wire.reply(bed.ana.newId("notes"), bed.ana.id(), bed.thread, "Harmless words first.");
        Note hostile = withContent(note, note.contentHtml() + "<script>alert(1)</script><img src=x onerror=alert(2)>"
                + "<a href=\"javascript:alert(3)\">a link</a><iframe src=\"http://127.0.0.1/\"></iframe>"
                + "<p style=\"position:fixed\" onclick=\"alert(4)\">Styled.</p>", null);
        Element post = taken(bed.ana, hostile, "Harmless words first.");
        assertEquals(new Elements(), post.select(EXECUTABLE), post.html());
    }

    @Test
    void htmlInAReplysMarkdownSourceIsShownAsTextOnly() {
        Note note = Wire.reply(bed.ana.newId("notes"), bed.ana.id(), bed.thread, "ignored when there is a source");
        Note hostile = withContent(note, "<p>Markdown words.</p>", "Markdown words.\n\n<script>alert(1)</script>\n\n"
                + "<img src=x onerror=alert(2)>\n\n[a link](javascript:alert(3))");
        Element post = taken(bed.ana, hostile, "Markdown words.");
        assertEquals(new Elements(), post.select(EXECUTABLE), post.html());
        assertTrue(post.text().contains("<script>alert(1)</script>"), "typed HTML is shown as typed: " + post.text());
    }

    @Test
    void markupInARemoteWomansNameIsShownAsText() {
        FakeActor eve = bed.remote.actor("eve", ActorType.PERSON, "<img src=x onerror=alert(1)>Eve");
        Note note = Wire.reply(eve.newId("notes"), eve.id(), bed.thread, "Eve's words.");
        Element post = taken(eve, note, "Eve's words.");
        assertEquals(new Elements(), post.select(EXECUTABLE), post.html());
        assertNotNull(post.selectFirst(".who"));
        assertTrue(post.selectFirst(".who").text().startsWith("<img src=x onerror=alert(1)>Eve"),
                post.selectFirst(".who").text());
    }

    /** Sends the reply signed by its author, waits for it on the thread page and returns it. */
    private static Element taken(FakeActor author, Note note, String marker) {
        InboxPoster.Answer answer = bed.post(Wire.create(author.newId("activities"), author.id(), note), author);
        assertEquals(202, answer.status(), answer.reason());
        bed.awaitOnThread(marker);
        return NodeState.page(bed.node, bed.threadPath).select("li.post").stream()
                .filter(p -> p.text().contains(marker)).findFirst().orElseThrow();
    }

    private static Note withContent(Note note, String html, String markdown) {
        return new Note(note.id(), note.attributedTo(), note.audience(), note.context(), note.inReplyTo(), html,
                markdown, Instant.now().truncatedTo(ChronoUnit.SECONDS), null, false, null, note.to(), note.cc());
    }
}
