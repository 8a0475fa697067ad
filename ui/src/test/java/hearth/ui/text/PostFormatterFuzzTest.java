package hearth.ui.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the one place where what someone wrote becomes HTML: Markdown typed
 * here ({@link PostFormatter#toHtml}) and HTML sent by other servers
 * ({@link PostFormatter#cleanForeignHtml}). The contract, checked on the output as a browser
 * parses it (jsoup): no exception and no hang for any text; only the tags a post may use; no
 * {@code on*} or {@code style} attribute; every link {@code http}, {@code https} or {@code mailto}
 * (so no {@code javascript:}, {@code data:} or {@code vbscript:}); and the output at most
 * {@value #GROWTH} times the input plus {@value #SLACK} characters, so that no post can make the
 * node store or send megabytes.
 *
 * <p>Seeds: Markdown and HTML in {@code PostFormatterFuzzTestInputs/} (posts as people write them,
 * and the attack vectors of {@link PostFormatterTest}).
 */
class PostFormatterFuzzTest {

    /**
     * How much longer than its source a cleaned post may be. Markup makes text longer (a quote
     * nested 32 deep wraps a character in 27 characters of tags per level), but only by a bounded
     * factor per character typed.
     */
    static final int GROWTH = 32;
    static final int SLACK = 1024;

    private static final Set<String> TAGS = Set.of("a", "b", "blockquote", "br", "cite", "code", "dd", "dl", "dt",
            "em", "hr", "i", "li", "ol", "p", "pre", "q", "small", "span", "strike", "strong", "sub", "sup", "u", "ul");
    private static final Set<String> ATTRIBUTES = Set.of("href", "rel", "cite", "start");
    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?:|mailto:).*", Pattern.DOTALL);
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cntrl}\\p{Space}\\p{Cf}]");

    private static final PostFormatter FORMATTER = new PostFormatter();

    @BeforeAll
    static void warmUp() {
        // Loads (and, when fuzzing, instruments) the classes before the per-input timer runs.
        formatMarkdown(utf8("# Hi\n\n> *quote* [link](https://a.example) <b>x</b>\n\n1. one\n- two\n\n```\ncode\n```"));
        cleanHtml(utf8("<p onclick=x>hi <a href=\"javascript:alert(1)\">a</a><img src=x><script>1</script>"));
    }

    @FuzzTest
    @Timeout(20)
    // libFuzzer's dictionary format writes a line break as \x0A.
    @DictionaryEntries({"[a]: ", "[a]", "](", "<http://", "<https://", "mailto:", "javascript:", "&#", "\\x0A> ",
            "\\x0A- ", "\\x0A1. ", "```", "**", "<a href=", "<script>", "<img src=x onerror=", "\\x0A\\x0A"})
    void markdown(byte[] typed) {
        formatMarkdown(typed);
    }

    @FuzzTest
    @Timeout(20)
    @DictionaryEntries({"<a href=", "<b>", "<p>", "<table>", "<svg>", "<math>", "<style>", "<script>", "<!--", "-->",
            "<![CDATA[", "javascript:", "&#x", "onerror=", "style=", "<template>", "<noscript>", "</"})
    void foreignHtml(byte[] sent) {
        cleanHtml(sent);
    }

    private static void formatMarkdown(byte[] typed) {
        String markdown = new String(typed, StandardCharsets.UTF_8);
        PostHtml html = FORMATTER.toHtml(markdown);
        assertSafe(markdown, html);
    }

    private static void cleanHtml(byte[] sent) {
        String foreign = new String(sent, StandardCharsets.UTF_8);
        PostHtml html = FORMATTER.cleanForeignHtml(foreign);
        assertSafe(foreign, html);
    }

    private static void assertSafe(String input, PostHtml html) {
        String out = html.html();
        assertTrue(out.length() <= (long) GROWTH * input.length() + SLACK,
                () -> "output of " + out.length() + " characters for " + input.length());
        for (Element element : Jsoup.parseBodyFragment(out).body().getAllElements()) {
            if (element.tagName().equals("body")) {
                continue;
            }
            assertTrue(TAGS.contains(element.normalName()), () -> "tag " + element.tagName() + " in " + out);
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertTrue(ATTRIBUTES.contains(name), () -> "attribute " + name + " in " + out);
                if (name.equals("href") || name.equals("cite")) {
                    String url = INVISIBLE.matcher(attribute.getValue()).replaceAll("");
                    assertTrue(SAFE_URL.matcher(url).matches(), () -> "URL " + attribute.getValue() + " in " + out);
                }
            }
        }
        FORMATTER.toPlainText(html);
        assertFalse(out.toLowerCase(Locale.ROOT).contains("<script"), out);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
