package hearth.ui.view;

/**
 * One entry of the language switcher: {@code name} is the language's own name for itself
 * ("Español"), {@code url} switches to it and comes back to the same page.
 */
public record LanguageLink(String tag, String name, String url, boolean current) {
}
