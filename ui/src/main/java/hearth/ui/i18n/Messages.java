package hearth.ui.i18n;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interface text of one language, looked up by key.
 *
 * <pre>{@code
 * Messages t = Messages.of(Locale.forLanguageTag("es"));
 * t.get("forum.reply");                      // "Responder"
 * t.get("forum.threads", 3);                 // "3 hilos" (a MessageFormat pattern)
 * }</pre>
 *
 * <p>A key missing from a translation falls back to English; a key missing from English shows
 * as {@code ??key??}, which the bundle tests catch. Immutable and thread-safe; one instance per
 * language is cached.
 */
public final class Messages {

    /** Languages with complete bundles, English first (it is the fallback). */
    public static final List<String> LANGUAGES = List.of("en", "es");

    /** Areas of the product, each a bundle {@code hearth/i18n/AREA[_lang].properties}. */
    static final List<String> AREAS = List.of(
            "common",
            "forum",
            "moderation",
            "safety",
            "reactions",
            "traces",
            "feeds");

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb");
    private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final Map<String, String> text;

    private Messages(Locale locale, Map<String, String> text) {
        this.locale = locale;
        this.text = Map.copyOf(text);
    }

    /** The messages for {@code locale}'s language; English for a language Hearth has no bundle for. */
    public static Messages of(Locale locale) {
        String lang = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
        return CACHE.computeIfAbsent(lang, l -> load("hearth.i18n.", AREAS, l));
    }

    /** The messages for a language tag such as {@code "es"}. */
    public static Messages of(String languageTag) {
        return of(Locale.forLanguageTag(languageTag));
    }

    /**
     * Reads {@code prefix + area} bundles for {@code lang}; the English file of each area is the
     * parent of its translation, so a key the translation lacks reads in English. Tests load
     * their own small bundles through this.
     */
    static Messages load(String prefix, List<String> areas, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        Map<String, String> text = new HashMap<>();
        for (String area : areas) {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle(prefix + area, locale, Messages.class.getClassLoader(),
                        NO_DEFAULT_LOCALE);
            } catch (MissingResourceException absent) {
                continue;
            }
            for (String key : bundle.keySet()) {
                text.put(key, bundle.getString(key));
            }
        }
        return new Messages(locale, text);
    }

    /** The text for {@code key}, or {@code ??key??} when no bundle has it. */
    public String get(String key) {
        String value = text.get(key);
        return value == null ? "??" + key + "??" : value;
    }

    /**
     * The text for {@code key} with {@code args} filled in by {@link MessageFormat} in this language
     * (plurals with {@code {0,choice,...}}). Only text that takes arguments is a pattern, so only
     * there an apostrophe is written twice; with no arguments this is {@link #get(String)}.
     */
    public String get(String key, Object... args) {
        String pattern = text.get(key);
        if (pattern == null) {
            return "??" + key + "??";
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The words of {@code text} in this language. */
    public String get(Text text) {
        return get(text.key(), text.args().toArray());
    }

    /** Whether {@code key} has text in this language or in English. */
    public boolean has(String key) {
        return text.containsKey(key);
    }

    public Locale locale() {
        return locale;
    }

    /** The language tag for {@code <html lang>}. */
    public String lang() {
        return locale.toLanguageTag();
    }

    /** {@code rtl} or {@code ltr}, for {@code <html dir>}. */
    public String dir() {
        return dir(locale.toLanguageTag());
    }

    /**
     * {@code rtl} for a language written right to left (Arabic, Hebrew, Persian, Urdu …), else
     * {@code ltr}; works for any tag, with or without a bundle.
     */
    public static String dir(String languageTag) {
        String lang = Locale.forLanguageTag(languageTag == null ? "" : languageTag).getLanguage();
        return RIGHT_TO_LEFT.contains(lang) ? "rtl" : "ltr";
    }
}
