package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Like;
import hearth.federation.object.Note;
import hearth.federation.object.Post;
import hearth.node.config.DataFolder;
import hearth.node.store.Database;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Content warnings between servers, as Mastodon marks them: a sensitive object's {@code summary}
 * is its warning, a sensitive object without one gets the general warning, a {@code summary}
 * alone (Mbin's description) is none. What this node sends reads back to the same warning.
 * Reactions never cross: a Like or an EmojiReact from elsewhere is ignored.
 */
class ContentWarningFederationIT {

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
    void aSensitiveReplyIsFoldedBehindItsSummary() {
        Element post = taken(warned(bed.reply(bed.ana, "Mastodon words under a warning."), true, "birth trauma"),
                "Mastodon words under a warning.");
        Element fold = post.selectFirst("details.cw");
        assertNotNull(fold, post.outerHtml());
        assertFalse(fold.hasAttr("open"));
        assertEquals("birth trauma", fold.selectFirst("summary .cw-text").text());
    }

    @Test
    void aSensitiveReplyWithoutASummaryGetsTheGeneralWarning() {
        Element post = taken(warned(bed.reply(bed.bea, "Marked sensitive, no reason given."), true, null),
                "Marked sensitive, no reason given.");
        assertEquals("Sensitive content", post.selectFirst("details.cw summary .cw-text").text());
    }

    @Test
    void aSummaryWithoutSensitiveIsNoWarning() {
        Element post = taken(warned(bed.reply(bed.ana, "A description is not a warning."), false, "A description"),
                "A description is not a warning.");
        assertNull(post.selectFirst("details.cw"));
    }

    @Test
    void aSummaryWithMarkupIsShownAsText() {
        Element post = taken(warned(bed.reply(bed.bea, "Markup in the summary."), true,
                "<p>grief <img src=x onerror=alert(1)></p>"), "Markup in the summary.");
        assertEquals("grief", post.selectFirst("details.cw summary .cw-text").text());
        assertNull(post.selectFirst("img"));
    }

    @Test
    void anUpdateCanTakeTheWarningAway() {
        Note first = warned(bed.reply(bed.ana, "Warned, then not."), true, "loss");
        taken(first, "Warned, then not.");
        Note plain = warned(first, false, null);
        InboxPoster.Answer answer = bed.post(Wire.update(bed.ana.newId("activities"), bed.ana.id(), plain), bed.ana);
        assertEquals(202, answer.status(), answer.reason());
        Peers.eventually(InboxBed.SOON, "the warning is gone", () -> onPage("Warned, then not.")
                .selectFirst("details.cw") == null);
    }

    @Test
    void likesAndEmojiReactionsFromElsewhereAreIgnored() {
        bed.assertChangesNothing(new Like(bed.bea.newId("likes"), bed.bea.id(), bed.anasReply), bed.bea);
        String emojiReact = """
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "%s", "type": "EmojiReact",
                 "actor": "%s", "object": "%s", "content": "\uD83D\uDC9C"}"""
                .formatted(bed.bea.newId("reactions"), bed.bea.id(), bed.anasReply);
        NodeState before = bed.state();
        InboxPoster.Answer answer = bed.poster.send(InboxPoster.cavage(bed.circleInbox(),
                emojiReact.getBytes(StandardCharsets.UTF_8), bed.bea));
        assertTrue(answer.status() == 202 || answer.status() >= 400 && answer.status() < 500, answer.reason());
        bed.settle();
        assertEquals(before, bed.state());
        assertEquals(0, reactionRows(), "nothing from elsewhere is stored as a reaction");
    }

    @Test
    void aWarnedThreadReachesFollowersAsSensitiveWithItsSummaryAndReadsBackTheSame() throws Exception {
        URI follow = bed.ana.newId("follows");
        assertEquals(202, bed.post(Wire.follow(follow, bed.ana.id(), bed.node.url("/c/perinatal")), bed.ana).status());
        bed.remote.awaitDelivery(d -> d.type().equals("Accept")
                && d.activity().path("object").path("id").asText().equals(follow.toString()), InboxBed.SOON);

        startThread("perinatal", "Twelve weeks", "We lost the baby today.", "loss, grief");

        FakeServer.Delivery delivery = bed.remote.awaitDelivery(d -> d.type().equals("Announce")
                && d.activity().path("object").path("object").path("name").asText().equals("Twelve weeks"),
                InboxBed.SOON);
        ObjectNode object = (ObjectNode) delivery.activity().path("object").path("object");
        assertTrue(object.path("sensitive").asBoolean(), object.toString());
        assertEquals("loss, grief", object.path("summary").asText());
        for (String word : new String[] {"likes", "reaction", "shares"}) {
            assertFalse(object.toString().toLowerCase().contains(word), word + " in " + object);
        }
        assertEquals("loss, grief", ContentIntake.warningOf(Post.fromJson(object)), "the same warning, read back");
    }

    // ---- helpers

    private static Note warned(Note note, boolean sensitive, String summary) {
        return new Note(note.id(), note.attributedTo(), note.audience(), note.context(), note.inReplyTo(),
                note.contentHtml(), note.source(), Instant.now().truncatedTo(ChronoUnit.SECONDS), note.updated(),
                sensitive, summary, note.to(), note.cc());
    }

    private static Element taken(Note note, String marker) {
        FakeActor author = note.attributedTo().equals(bed.ana.id()) ? bed.ana : bed.bea;
        InboxPoster.Answer answer = bed.post(Wire.create(author.newId("activities"), author.id(), note), author);
        assertEquals(202, answer.status(), answer.reason());
        bed.awaitOnThread(marker);
        return onPage(marker);
    }

    private static Element onPage(String marker) {
        return NodeState.page(bed.node, bed.threadPath).select("li.post").stream()
                .filter(p -> p.text().contains(marker)).findFirst().orElseThrow();
    }

    private static int reactionRows() {
        try (Database db = Database.sqlite(DataFolder.open(bed.node.data()).database())) {
            return db.read(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM reaction");
                     ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            });
        }
    }

    private static void startThread(String circle, String title, String body, String warning) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI form = bed.node.url("/c/" + circle + "/new");
        String page = http.send(HttpRequest.newBuilder(form).build(), HttpResponse.BodyHandlers.ofString()).body();
        String csrf = Jsoup.parse(page).selectFirst("form input[name=csrf]").val();
        String fields = "csrf=" + enc(csrf) + "&title=" + enc(title) + "&body=" + enc(body) + "&pseudonym=usual"
                + "&contentWarning=" + enc(warning);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(form)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, answer.statusCode(), answer.body());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
