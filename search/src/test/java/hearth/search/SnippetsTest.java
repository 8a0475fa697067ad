package hearth.search;

import static hearth.search.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Titles and snippets are safe HTML: escaped text, and {@code <mark>} the only tag. */
class SnippetsTest {

    @TempDir Path dir;
    PostIndex index;

    @BeforeEach
    void open() throws IOException {
        index = PostIndex.open(dir, List.of("en", "es"));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private SearchHit only(Posts post, String text) throws IOException {
        index.upsert(post.build());
        index.refreshNow();
        List<SearchHit> hits = index.search(SearchQuery.of(text)).hits();
        assertEquals(1, hits.size(), "hits for " + text);
        return hits.getFirst();
    }

    /** What remains once the only allowed tags are taken out: must contain no markup at all. */
    private static void assertOnlyMarkTags(String html) {
        String rest = html.replace("<mark>", "").replace("</mark>", "");
        assertFalse(rest.contains("<"), html);
        assertFalse(rest.contains(">"), html);
    }

    @Test
    void bodyHtmlIsEscapedBeforeMatchesAreMarked() throws IOException {
        SearchHit hit =
                only(
                        post("xss").body("Look: <script>alert(1)</script> and <b>bold</b> \"quotes\" & 'ticks'"),
                        "alert");

        String snippet = hit.snippetHtml();
        assertTrue(snippet.contains("&lt;script&gt;"), snippet);
        assertTrue(snippet.contains("<mark>alert</mark>"), snippet);
        assertFalse(snippet.contains("<script"), snippet);
        assertTrue(snippet.contains("&lt;b&gt;bold&lt;/b&gt;"), snippet);
        assertTrue(snippet.contains("&quot;quotes&quot; &amp; &#39;ticks&#39;"), snippet);
        assertOnlyMarkTags(snippet);
    }

    @Test
    void titleHtmlIsEscapedBeforeMatchesAreMarked() throws IOException {
        SearchHit hit = only(post("xss").title("<script>alert(1)</script> <b>help</b>"), "alert");

        String title = hit.titleHtml();
        assertEquals("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; &lt;b&gt;help&lt;/b&gt;", title);
        assertOnlyMarkTags(title);
    }

    @Test
    void markupInTheQueryCannotGetIntoTheSnippet() throws IOException {
        SearchHit hit = only(post("p").body("a <script> tag in a post"), "<script>");

        assertEquals("a &lt;<mark>script</mark>&gt; tag in a post", hit.snippetHtml());
    }

    @Test
    void stemmedMatchesAreMarked() throws IOException {
        SearchHit hit = only(post("p").title("Sleepless").body("The babies never sleep"), "baby sleeping");

        assertEquals("The <mark>babies</mark> never <mark>sleep</mark>", hit.snippetHtml());
    }

    @Test
    void spanishMatchesAreMarkedInSpanishPosts() throws IOException {
        SearchHit hit = only(post("p").body("Las madres también lloran").language("es"), "madre");

        assertEquals("Las <mark>madres</mark> también lloran", hit.snippetHtml());
    }

    @Test
    void excludedWordsAreNotMarked() throws IOException {
        SearchHit hit = only(post("p").body("calm today, calm tomorrow"), "calm -anxious");

        assertEquals("<mark>calm</mark> today, <mark>calm</mark> tomorrow", hit.snippetHtml());
    }

    @Test
    void titleOnlyMatchShowsTheEscapedBeginningOfTheBody() throws IOException {
        String body = "<i>First</i> words. " + "More words follow here. ".repeat(30);
        SearchHit hit = only(post("p").title("Insomnia").body(body), "insomnia");

        assertEquals("<mark>Insomnia</mark>", hit.titleHtml());
        assertTrue(hit.snippetHtml().startsWith("&lt;i&gt;First&lt;/i&gt; words."), hit.snippetHtml());
        assertTrue(hit.snippetHtml().endsWith("\u2026"), hit.snippetHtml());
        assertTrue(hit.snippetHtml().length() < 260, hit.snippetHtml());
        assertOnlyMarkTags(hit.snippetHtml());
    }

    @Test
    void snippetOfALongBodyShowsThePassageWithTheMatch() throws IOException {
        String body = "Nothing relevant here. ".repeat(60) + "Then the insomnia began. " + "More filler text. ".repeat(60);
        SearchHit hit = only(post("p").body(body), "insomnia");

        assertTrue(hit.snippetHtml().contains("<mark>insomnia</mark>"), hit.snippetHtml());
        assertTrue(hit.snippetHtml().length() < 300, hit.snippetHtml());
    }

    @Test
    void bidiOverridesAndControlCharactersAreRemoved() throws IOException {
        SearchHit hit = only(post("p").body("tired\u202E reversed\u202C\u0007 text\nnext line"), "tired");

        assertEquals("<mark>tired</mark> reversed  text next line", hit.snippetHtml());
    }

    @Test
    void wordsNextToInvisibleMarksAreFoundAndMarked() throws IOException {
        String shalom = "\u05E9\u05DC\u05D5\u05DD"; // Hebrew, followed by a right-to-left mark
        SearchHit hit = only(post("p").body(shalom + "\u200F soft\u00ADly").language(null), shalom);

        // The right-to-left mark stays (it cannot reorder anything) and falls inside the mark.
        assertEquals("<mark>" + shalom + "\u200F</mark> soft\u00ADly", hit.snippetHtml());
        assertEquals(1, index.search(SearchQuery.of("softly")).hits().size());
    }
}
