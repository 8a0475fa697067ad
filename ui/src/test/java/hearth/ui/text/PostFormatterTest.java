package hearth.ui.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One test per way a post could attack its readers. Each looks at the output the way a browser
 * would: {@link #assertInert} fails on any tag, attribute or URL outside the short list a post
 * may produce, and the test then checks what the reader actually sees.
 */
class PostFormatterTest {
    private static final String REL = "nofollow noopener noreferrer ugc";

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("p", Set.of()), Map.entry("br", Set.of()), Map.entry("hr", Set.of()),
            Map.entry("em", Set.of()), Map.entry("strong", Set.of()),
            Map.entry("code", Set.of()), Map.entry("pre", Set.of()),
            Map.entry("blockquote", Set.of()), Map.entry("ul", Set.of()),
            Map.entry("ol", Set.of("start")), Map.entry("li", Set.of()),
            Map.entry("a", Set.of("href", "rel")));

    /** Anything a browser could read as markup: a tag, closing tag, comment, CDATA, or doctype. */
    private static final Pattern MARKUP = Pattern.compile("<(/?)([a-zA-Z!?][^\\s>/]*)");
    private static final Pattern SAFE_HREF = Pattern.compile("^(https?://|mailto:)[^\\s]+$");

    private final PostFormatter formatter = new PostFormatter();

    // ---- script ------------------------------------------------------------------------------

    @Test
    void scriptTagInlineIsShownAsText() {
        String html = html("hello <script>alert(1)</script> world");

        assertEquals("<p>hello &lt;script&gt;alert(1)&lt;/script&gt; world</p>\n", html);
        assertEquals("hello <script>alert(1)</script> world", seen(html));
    }

    @Test
    void scriptTagAtStartOfLineIsNotPassedThroughAsHtmlBlock() {
        String html = html("<script>\nalert(document.cookie)\n</script>\n\nafter");

        assertInert(html);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        assertTrue(seen(html).endsWith("after"), html);
    }

    // ---- event handlers ----------------------------------------------------------------------

    @Test
    void imgOnerrorIsShownAsText() {
        String html = html("look <img src=x onerror=alert(1)> here");

        assertInert(html);
        assertEquals("look <img src=x onerror=alert(1)> here", seen(html));
    }

    @Test
    void anchorOnclickIsShownAsText() {
        String html = html("<a href=\"https://ok.example\" onclick=\"alert(1)\">hi</a>");

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("a").isEmpty(), html);
    }

    @Test
    void linkTitleCannotBreakOutIntoAnEventHandler() {
        String html = html("[x](http://a.example \"\\\" onmouseover=\\\"alert(1)\")");

        assertInert(html);
        assertEquals("x", seen(html));
    }

    @Test
    void linkDestinationCannotBreakOutIntoAnEventHandler() {
        String html = html("[y](http://a.example\"onmouseover=\"alert(1)) after");

        assertInert(html);
        assertTrue(seen(html).startsWith("y"), html);
    }

    // ---- javascript: and friends -------------------------------------------------------------

    @Test
    void markdownJavascriptLinkKeepsOnlyItsText() {
        assertLinkDroppedKeepingText("[x](javascript:alert(1))", "x");
    }

    @Test
    void markdownJavascriptLinkInMixedCase() {
        assertLinkDroppedKeepingText("[x](JaVaScRiPt:alert(1))", "x");
    }

    @Test
    void markdownJavascriptLinkWithEncodedTab() {
        assertLinkDroppedKeepingText("[x](java&#x09;script:alert(1))", "x");
    }

    @Test
    void markdownJavascriptLinkWithEntityEncodedLetter() {
        assertLinkDroppedKeepingText("[x](&#106;avascript:alert(1))", "x");
    }

    @Test
    void markdownJavascriptLinkWithLeadingSpaces() {
        assertLinkDroppedKeepingText("[x](   javascript:alert(1))", "x");
    }

    @Test
    void markdownJavascriptLinkByReference() {
        assertLinkDroppedKeepingText("[x][r]\n\n[r]: javascript:alert(1)", "x");
    }

    @Test
    void javascriptAutolinkIsNotALink() {
        assertLinkDroppedKeepingText("<javascript:alert(1)>", "javascript:alert(1)");
    }

    @Test
    void vbscriptLink() {
        assertLinkDroppedKeepingText("[x](vbscript:msgbox(1))", "x");
    }

    @Test
    void rawHtmlJavascriptLinkIsShownAsText() {
        String html = html("<a href=\"javascript:alert(1)\">x</a> <a href=\" JaVaScRiPt:alert(1)\">y</a>"
                + " <a href=\"&#106;avascript:alert(1)\">z</a>");

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("a").isEmpty(), html);
    }

    // ---- data: URIs --------------------------------------------------------------------------

    @Test
    void markdownDataUriLink() {
        assertLinkDroppedKeepingText("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "x");
    }

    @Test
    void dataUriAutolink() {
        String html = html("<data:text/html,<script>alert(1)</script>>");

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("a").isEmpty(), html);
    }

    // ---- SVG, style --------------------------------------------------------------------------

    @Test
    void svgOnload() {
        String html = html("<svg onload=alert(1)>\n\nafter");

        assertInert(html);
        assertEquals("<svg onload=alert(1)> after", seen(html));
    }

    @Test
    void svgWithScript() {
        String html = html("<svg><script>alert(1)</script></svg>");

        assertInert(html);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<svg"), html);
    }

    @Test
    void styleTag() {
        String html = html("<style>body{display:none}</style>\n\nstill visible");

        assertInert(html);
        assertTrue(seen(html).endsWith("still visible"), html);
    }

    @Test
    void styleAttribute() {
        String html = html("<p style=\"position:fixed;top:0;left:0;width:100%\">fake login</p>");

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("[style]").isEmpty(), html);
        assertEquals("<p style=\"position:fixed;top:0;left:0;width:100%\">fake login</p>", seen(html));
    }

    // ---- embedded documents and forms --------------------------------------------------------

    @Test
    void iframeObjectAndEmbed() {
        String html = html("<iframe src=http://evil.example></iframe>\n\n"
                + "<object data=http://evil.example/x.swf></object> <embed src=http://evil.example/x.swf>");

        assertInert(html);
    }

    @Test
    void formAndInput() {
        String html = html("<form action=http://evil.example><input name=password type=password></form>");

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("form, input").isEmpty(), html);
    }

    // ---- malformed markup --------------------------------------------------------------------

    @Test
    void scriptTagSplitAroundAnother() {
        String html = html("<scr<script>ipt>alert(1)</script>");

        assertInert(html);
        assertEquals("<scr<script>ipt>alert(1)</script>", seen(html));
    }

    @Test
    void unclosedTagDoesNotSwallowTheRestOfThePage() {
        String html = html("<b>bold and <i>italic\n\nnext paragraph");

        assertInert(html);
        assertEquals("<b>bold and <i>italic next paragraph", seen(html));
    }

    @Test
    void anchorWithScriptInsideItsTag() {
        String html = html("<a href=\"http://x.example\" <script>alert(1)</script>");

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("a").isEmpty(), html);
    }

    // ---- things that load from elsewhere -----------------------------------------------------

    @Test
    void markdownImageBecomesItsDescription() {
        String html = html("![a cat](http://tracker.example/p.png) and more");

        assertInert(html);
        assertFalse(html.contains("tracker.example"), html);
        assertEquals("a cat and more", seen(html));
    }

    @Test
    void markdownImageByReferenceBecomesItsDescription() {
        String html = html("![a cat][t]\n\n[t]: http://tracker.example/p.png");

        assertInert(html);
        assertEquals("<p>a cat</p>\n", html);
    }

    @Test
    void htmlCommentAndCdataAreShownAsText() {
        String html = html("<!-- <script>alert(1)</script> --> and <![CDATA[<script>alert(1)</script>]]>");

        assertInert(html);
        assertEquals("<!-- <script>alert(1)</script> --> and <![CDATA[<script>alert(1)</script>]]>", seen(html));
    }

    @Test
    void metaRefresh() {
        String html = html("<meta http-equiv=\"refresh\" content=\"0;url=http://evil.example\">");

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("meta").isEmpty(), html);
    }

    @Test
    void baseTag() {
        String html = html("<base href=\"http://evil.example/\">\n\n[home](https://ok.example/)");

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("base").isEmpty(), html);
    }

    // ---- denial of service -------------------------------------------------------------------

    @Test
    void deeplyNestedQuotesListsAndEmphasisRenderWithoutError() {
        String html = html(">".repeat(20_000) + " deep\n\n" + "- ".repeat(10_000) + "x\n\n"
                + "*".repeat(10_000) + "y" + "*".repeat(10_000) + "\n\n" + "[".repeat(10_000) + "z");

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("blockquote").size() <= 32, "nesting is capped");
    }

    // ---- what a post may contain -------------------------------------------------------------

    @Test
    void emphasisAndStrong() {
        assertEquals("<p><em>soft</em> and <strong>firm</strong></p>\n", html("*soft* and **firm**"));
    }

    @Test
    void bulletAndOrderedLists() {
        String html = html("- walk\n- tea\n\n3. third\n4. fourth");

        assertInert(html);
        assertEquals("<ul>\n<li>walk</li>\n<li>tea</li>\n</ul>\n<ol start=\"3\">\n<li>third</li>\n<li>fourth</li>\n</ol>\n",
                html);
    }

    @Test
    void blockquote() {
        assertEquals("<blockquote>\n<p>you are not alone</p>\n</blockquote>\n", html("> you are not alone"));
    }

    @Test
    void inlineCodeAndCodeBlockShowTagsAsText() {
        String html = html("use `<b>` here\n\n```html\n<script>x</script>\n```");

        assertInert(html);
        assertEquals("<p>use <code>&lt;b&gt;</code> here</p>\n<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>\n",
                html);
    }

    @Test
    void headingsBecomeBoldParagraphs() {
        String html = html("# Big\n\nSmall\n---");

        assertInert(html);
        assertEquals("<p><strong>Big</strong></p>\n<p><strong>Small</strong></p>\n", html);
    }

    @Test
    void singleNewlineIsALineBreak() {
        assertEquals("<p>one<br>\ntwo</p>\n", html("one\ntwo"));
    }

    @Test
    void httpsLinkKeepsHrefAndGetsRel() {
        Element a = onlyLink(html("[help](https://example.org/a?b=1&c=2 \"title\")"));

        assertEquals("https://example.org/a?b=1&c=2", a.attr("href"));
        assertEquals(REL, a.attr("rel"));
        assertEquals("help", a.text());
        assertEquals(2, a.attributesSize(), "only href and rel: " + a);
    }

    @Test
    void autolinkInAngleBrackets() {
        Element a = onlyLink(html("<https://example.org>"));

        assertEquals("https://example.org", a.attr("href"));
        assertEquals(REL, a.attr("rel"));
    }

    @Test
    void bareUrlStaysText() {
        String html = html("see https://example.org");

        assertEquals("<p>see https://example.org</p>\n", html);
    }

    @Test
    void mailtoLink() {
        Element a = onlyLink(html("[write to me](mailto:someone@example.org)"));

        assertEquals("mailto:someone@example.org", a.attr("href"));
        assertEquals(REL, a.attr("rel"));
    }

    @Test
    void emailAutolinkBecomesMailto() {
        assertEquals("mailto:someone@example.org", onlyLink(html("<someone@example.org>")).attr("href"));
    }

    @Test
    void relativeAndFtpLinksKeepOnlyTheirText() {
        assertLinkDroppedKeepingText("[home](/local) [old](ftp://files.example/x)", "home old");
    }

    @Test
    void lessThanAndAmpersandAreShownAsText() {
        String html = html("a < b && c > d; 3<4 & AT&T");

        assertEquals("<p>a &lt; b &amp;&amp; c &gt; d; 3&lt;4 &amp; AT&amp;T</p>\n", html);
        assertEquals("a < b && c > d; 3<4 & AT&T", seen(html));
    }

    @Test
    void emptyInputGivesEmptyHtml() {
        assertEquals("", html(""));
    }

    @Test
    void longBodyRendersWhole() {
        String paragraph = "I have been feeling *better* lately, thank you all. ".repeat(20) + "\n\n";
        String markdown = paragraph.repeat(20_000 / paragraph.length() + 1);
        assertTrue(markdown.length() >= 20_000);

        String html = html(markdown);

        assertInert(html);
        assertEquals(markdown.split("\n\n").length, Jsoup.parseBodyFragment(html).select("p").size());
    }

    // ---- plain text --------------------------------------------------------------------------

    @Test
    void plainTextIsTheVisibleTextWithWhitespaceCollapsed() {
        PostHtml post = formatter.toHtml("# Hi\n\nI *slept*   well.\n\n- [walk](https://example.org)\n- tea\n\n"
                + "```\ncode   block\n```\n\n![tracker](http://tracker.example/p.png)");

        assertEquals("Hi I slept well. walk tea code block tracker", formatter.toPlainText(post));
    }

    @Test
    void plainTextLeavesOutMarkupAndUrls() {
        PostHtml stored = PostHtml.alreadyCleaned("<p>a <a href=\"https://example.org\" rel=\"" + REL
                + "\">link</a>&nbsp;&amp; b</p>\n<p>c</p>");

        assertEquals("a link & b c", formatter.toPlainText(stored));
    }

    // ---- contract ----------------------------------------------------------------------------

    @Test
    void nullMarkdownIsRejectedAtTheDoor() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> formatter.toHtml(null));
        assertTrue(e.getMessage().contains("markdown"), e.getMessage());
    }

    @Test
    void nullHtmlIsRejectedAtTheDoor() {
        assertThrows(NullPointerException.class, () -> formatter.toPlainText(null));
        assertThrows(NullPointerException.class, () -> PostHtml.alreadyCleaned(null));
    }

    @Test
    void storedHtmlReadsBackEqual() {
        PostHtml post = formatter.toHtml("*hello* [there](https://example.org)");

        assertEquals(post, PostHtml.alreadyCleaned(post.html()));
        assertEquals(post.hashCode(), PostHtml.alreadyCleaned(post.html()).hashCode());
    }

    @Test
    void oneFormatterIsSafeToShareAcrossThreads() throws Exception {
        String markdown = "*a* **b** [c](https://example.org) <script>x</script>\n\n- d\n- e";
        String expected = html(markdown);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> formatter.toHtml(markdown).html()));
            }
            for (Future<String> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private String html(String markdown) {
        return formatter.toHtml(markdown).html();
    }

    /** The text a reader sees, whitespace collapsed. */
    private String seen(String html) {
        return formatter.toPlainText(PostHtml.alreadyCleaned(html));
    }

    private void assertLinkDroppedKeepingText(String markdown, String expectedText) {
        String html = html(markdown);

        assertInert(html);
        assertTrue(Jsoup.parseBodyFragment(html).select("a").isEmpty(), "no link left: " + html);
        assertEquals(expectedText, seen(html));
    }

    private static Element onlyLink(String html) {
        assertInert(html);
        List<Element> links = Jsoup.parseBodyFragment(html).select("a");
        assertEquals(1, links.size(), html);
        return links.get(0);
    }

    /**
     * Fails unless every tag in the raw output is on the allowed list, every attribute is allowed
     * for its tag, and every href is http(s) or mailto.
     */
    private static void assertInert(String html) {
        Matcher markup = MARKUP.matcher(html);
        while (markup.find()) {
            String name = markup.group(2).toLowerCase(Locale.ROOT);
            if (!ALLOWED.containsKey(name)) {
                fail("markup <" + markup.group(1) + name + " reached the browser: " + html);
            }
        }
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element element : doc.body().select("*")) {
            if (element == doc.body()) {
                continue;
            }
            Set<String> allowed = ALLOWED.get(element.normalName());
            if (allowed == null) {
                fail("element <" + element.normalName() + "> reached the browser: " + html);
            }
            for (Attribute attribute : element.attributes()) {
                if (!allowed.contains(attribute.getKey())) {
                    fail("attribute " + attribute.getKey() + " on <" + element.normalName() + ">: " + html);
                }
            }
            if (element.hasAttr("href")) {
                assertTrue(SAFE_HREF.matcher(element.attr("href")).matches(), "href: " + html);
                assertEquals(REL, element.attr("rel"), "rel: " + html);
            }
        }
    }
}
