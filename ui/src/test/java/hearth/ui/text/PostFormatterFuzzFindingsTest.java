package hearth.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * What fuzzing {@link PostFormatter} found ({@link PostFormatterFuzzTest}), and what was found
 * while writing that fuzz test, one named test per finding. Each input is kept in
 * {@code PostFormatterFuzzTestInputs/}, where the fuzz test replays it as well.
 */
class PostFormatterFuzzFindingsTest {

    private final PostFormatter formatter = new PostFormatter();

    /**
     * {@code crash-q-cite-javascript-url.html}: jsoup's basic allow-list keeps {@code <q cite>} but,
     * unlike {@code <blockquote cite>}, checks no scheme, so a foreign post kept a
     * {@code javascript:} URL. No browser follows a cite URL, yet Hearth promises none on a page.
     */
    @Test
    void quoteCiteWithAJavascriptUrlIsDropped() {
        String html = formatter.cleanForeignHtml("<p>As she said: <q cite=\"javascript:alert(1)\">it gets easier</q></p>")
                .html();

        assertEquals("<p>As she said: <q>it gets easier</q></p>", html);
    }

    @Test
    void quoteCiteWithAnHttpsUrlIsKept() {
        String html = formatter.cleanForeignHtml("<q cite=\"https://a.example/talk\">it gets easier</q>").html();

        assertEquals("<q cite=\"https://a.example/talk\">it gets easier</q>", html);
    }

    /**
     * {@code review-reference-link-amplification.md}: every use of a reference definition wrote
     * its whole URL again, so 8 KB of Markdown ({@code [a]: <4000-character URL>} then
     * {@code [a]} 1,300 times) became 2 MB of HTML. Found while writing the fuzz test (whose
     * length bound now catches it) and fixed by {@link LinkBudget}.
     */
    @Test
    void referenceLinksCannotMultiplyALongUrl() {
        String url = "https://a.example/" + "x".repeat(4000);
        String markdown = "[a]: " + url + "\n\n" + "[a]".repeat(1300);

        String html = formatter.toHtml(markdown).html();

        assertTrue(html.length() <= PostFormatterFuzzTest.GROWTH * markdown.length() + PostFormatterFuzzTest.SLACK,
                html.length() + " characters");
        assertEquals((2 * markdown.length() + LinkBudget.SLACK) / url.length(),
                Jsoup.parseBodyFragment(html).select("a[href]").size(), "the links within the budget");
        assertTrue(Jsoup.parseBodyFragment(html).text().endsWith("aaa"), "the rest shows as text");
    }

    @Test
    void aReferenceUsedAFewTimesStaysALinkEachTime() {
        String markdown = "See [the leaflet][l], again [the leaflet][l] and [here][l].\n\n"
                + "[l]: https://a.example/leaflets/sleep-and-the-first-weeks.pdf";

        String html = formatter.toHtml(markdown).html();

        assertEquals(3, Jsoup.parseBodyFragment(html).select("a[href]").size(), html);
    }
}
