package hearth.ui.view;

/**
 * One search result. {@code titleHtml} and {@code snippetHtml} come from the search library,
 * which escapes all of the post's text before adding its {@code <mark>} tags: they are safe to
 * output as HTML. Every other field is plain text.
 */
public record SearchResultRow(String url, String titleHtml, String snippetHtml, String circleTitle, String circleUrl,
                              String pseudonym, boolean opening, String created, String createdIso) {
}
