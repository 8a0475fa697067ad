package hearth.ui.text;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns the Markdown a member wrote into {@link PostHtml} that is safe to show to any reader.
 *
 * <pre>{@code
 * PostFormatter formatter = new PostFormatter();        // build once, share everywhere
 * PostHtml body = formatter.toHtml("I *finally* slept.\n\n- walk\n- tea");
 * String summary = formatter.toPlainText(body);         // "I finally slept. walk tea"
 * }</pre>
 *
 * <p>What a post may contain: paragraphs, line breaks (a single newline is kept as a line
 * break, since people write that way), emphasis, strong, inline code and code blocks, bullet
 * and numbered lists, block quotes, thematic breaks, and links to {@code http}, {@code https}
 * and {@code mailto} (written {@code [text](url)} or {@code <url>}; bare URLs stay text).
 * Headings are shown as bold paragraphs and images as their description only; see
 * {@link DemotingNodeRenderer} for why. Raw HTML is shown as the literal text typed, never
 * rendered. Every link gets {@code rel="nofollow noopener noreferrer ugc"}; a link whose
 * target is not allowed (including relative ones) is reduced to its text, and so is a link past
 * the {@link LinkBudget}, which keeps reference links from multiplying one long URL.
 *
 * <p>Two independent layers keep this safe: commonmark escapes HTML and blanks dangerous
 * URLs, then jsoup's {@link Cleaner} keeps only a short list of tags, attributes and URL
 * schemes. Either alone should suffice; both mean one library's bug is not a hole.
 *
 * <p>Immutable after construction and safe to share across threads.
 */
public final class PostFormatter {
    /** Sent on every link: no ranking credit, no window handle, no Referer naming the thread. */
    static final String LINK_REL = "nofollow noopener noreferrer ugc";

    // Deep nesting (20,000 ">" in a row) overflows commonmark's recursive renderer; no real
    // post nests quotes or lists this deep, so anything deeper is shown as plain text.
    private static final int MAX_NESTING = 32;

    private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}+");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist; // mutable type, but never changed after the constructor

    public PostFormatter() {
        this.parser = Parser.builder()
                .maxOpenBlockParsers(MAX_NESTING)
                .maxInlineNesting(MAX_NESTING)
                .build();
        this.renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .softbreak("<br>\n")
                .nodeRendererFactory(DemotingNodeRenderer::new)
                .build();
        this.safelist = Safelist.basic()
                .addTags("hr")
                .addAttributes("ol", "start")
                .removeProtocols("a", "href", "ftp")
                // basic() keeps <q cite> with any scheme, javascript: included; hold it to blockquote's rule.
                .addProtocols("q", "cite", "http", "https")
                .addEnforcedAttribute("a", "rel", LINK_REL);
    }

    /**
     * Renders and cleans one post body.
     *
     * @param markdown what the member typed; may be empty, must not be null
     * @return cleaned HTML, ready to store and to show
     */
    public PostHtml toHtml(String markdown) {
        Objects.requireNonNull(markdown, "markdown must not be null (use \"\" for an empty post)");
        Node document = parser.parse(markdown);
        LinkBudget.apply(document, markdown.length());
        return new PostHtml(clean(renderer.render(document)));
    }

    /**
     * Cleans HTML written somewhere else (a post from another server that sent no Markdown):
     * the same allow-list as for posts written here, so nothing a peer sends can run on a page.
     */
    public PostHtml cleanForeignHtml(String html) {
        Objects.requireNonNull(html, "html must not be null");
        return new PostHtml(clean(html));
    }

    /**
     * The text a reader would see, with all whitespace collapsed to single spaces; for search
     * indexing and summaries. The result is plain text: escape it wherever it is written as HTML.
     */
    public String toPlainText(PostHtml html) {
        Objects.requireNonNull(html, "html must not be null");
        String text = Jsoup.parseBodyFragment(html.html()).body().text();
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private String clean(String dirtyHtml) {
        // No base URI: a relative link has no meaning once the post is federated, so the
        // cleaner drops it rather than resolve it against us.
        Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(dirtyHtml, ""));
        for (Element link : clean.body().getElementsByTag("a")) {
            if (!link.hasAttr("href")) {
                link.unwrap();
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
