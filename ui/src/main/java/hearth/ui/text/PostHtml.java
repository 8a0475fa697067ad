package hearth.ui.text;

import gg.jte.Content;
import gg.jte.TemplateOutput;

import java.util.Objects;

/**
 * HTML that {@link PostFormatter} has cleaned, so it is safe to send to a reader's browser as is.
 *
 * <p>Only {@link PostFormatter#toHtml(String)} makes one from user text. Because a template
 * writes a {@code PostHtml} without escaping it, never wrap a string that did not come out
 * of {@code PostFormatter}:
 *
 * <pre>{@code
 * PostHtml body = formatter.toHtml(request.markdown());  // new post: clean it
 * store.save(id, body.html());                            // the node stores cleaned HTML
 * PostHtml shown = PostHtml.alreadyCleaned(row.html());   // later: read it back
 * }</pre>
 *
 * <p>In a jte template write {@code ${post.body()}}: a {@code PostHtml} is {@link Content},
 * so jte writes it as markup, with no {@code $unsafe}. Writing {@code ${post.body().html()}}
 * would escape it and show tags as text.
 *
 * <p>Immutable and safe to share across threads.
 */
public final class PostHtml implements Content {
    private final String html;

    PostHtml(String html) {
        this.html = Objects.requireNonNull(html, "html must not be null");
    }

    /**
     * Wraps HTML that {@link PostFormatter} cleaned earlier and that was stored since, such as a
     * post body read back from the node's database. The name is deliberately loud: HTML from
     * anywhere else (another server, a request, a file) must go through {@code PostFormatter}.
     */
    public static PostHtml alreadyCleaned(String cleanedHtml) {
        return new PostHtml(cleanedHtml);
    }

    /** The cleaned HTML, for storing; a template should write the {@code PostHtml} itself. */
    public String html() {
        return html;
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html);
    }

    @Override
    public boolean isEmptyContent() {
        return html.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostHtml that && html.equals(that.html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }

    @Override
    public String toString() {
        return "PostHtml[" + html + "]";
    }
}
