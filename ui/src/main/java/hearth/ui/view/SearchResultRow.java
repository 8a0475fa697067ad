package hearth.ui.view;

/**
 * One search result. {@code titleHtml} and {@code snippetHtml} come from the search library,
 * which escapes all of the post's text before adding its {@code <mark>} tags: they are safe to
 * output as HTML. Every other field is plain text. {@code warning} (null for none) is the content
 * warning the title and snippet are folded behind: the post's own, or its thread's.
 */
public record SearchResultRow(String url, String titleHtml, String snippetHtml, String circleTitle, String circleUrl,
                              String pseudonym, boolean opening, String created, String createdIso,
                              ContentWarningView warning) {
}
