package hearth.ui.view;

import hearth.ui.i18n.Messages;
import java.util.List;

/**
 * What every page shows around its content: the node's name, the quick-exit link, crisis
 * lines, the reader's language with its interface text, and links to the node's other languages.
 *
 * <p>Built once per request, since the language is the reader's.
 */
public record Chrome(String nodeName, String exitUrl, List<CrisisLine> crisisLines, Messages t,
                     List<LanguageLink> languages) {
    public Chrome {
        crisisLines = List.copyOf(crisisLines);
        languages = List.copyOf(languages);
    }

    /** The page language, for {@code <html lang>}. */
    public String lang() {
        return t.lang();
    }

    /** The page direction, for {@code <html dir>}. */
    public String dir() {
        return t.dir();
    }
}
