package hearth.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles as files: every translation complete and really translated, patterns that
 * MessageFormat reads the same way in both languages, and every key the templates and the node
 * use present in English. Keys are found as string literals, so a key is never built by joining
 * strings: list each one whole (an enum or a map of codes to keys).
 */
class BundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/hearth/i18n");
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path NODE_SOURCES = Path.of("../node/src/main/java");

    /** Values the same in Spanish and English on purpose (names, symbols, borrowed words). */
    private static final Set<String> SAME_ON_PURPOSE = Set.of(
            "moderation.log.action.other");

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final String AREA = String.join("|", Messages.AREAS);
    /** A string literal shaped like a key of one of the areas. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:" + AREA + ")\\.[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9])\"");
    /** A key joined from pieces: {@code "forum.reason." + code}. */
    private static final Pattern JOINED_KEY = Pattern.compile("\"(?:" + AREA + ")\\.[A-Za-z0-9_.-]*\"\\s*\\+");

    @Test
    void everyAreaHasTheSameKeysInEnglishAndSpanish() {
        for (String area : Messages.AREAS) {
            Set<String> en = bundle(area, "").stringPropertyNames();
            Set<String> es = bundle(area, "_es").stringPropertyNames();
            Set<String> untranslated = new TreeSet<>(en);
            untranslated.removeAll(es);
            Set<String> onlySpanish = new TreeSet<>(es);
            onlySpanish.removeAll(en);
            assertEquals(Set.of(), untranslated, area + ": missing from the Spanish file");
            assertEquals(Set.of(), onlySpanish, area + ": missing from the English file");
        }
    }

    @Test
    void everyKeyStartsWithItsArea() {
        for (String area : Messages.AREAS) {
            for (String suffix : List.of("", "_es")) {
                for (String key : bundle(area, suffix).stringPropertyNames()) {
                    assertTrue(key.startsWith(area + "."), area + suffix + ": " + key + " is in the wrong area");
                }
            }
        }
    }

    @Test
    void everySpanishValueIsTranslated() {
        List<String> same = new ArrayList<>();
        for (String area : Messages.AREAS) {
            Properties en = bundle(area, "");
            Properties es = bundle(area, "_es");
            for (String key : en.stringPropertyNames()) {
                if (en.getProperty(key).equals(es.getProperty(key)) && !SAME_ON_PURPOSE.contains(key)) {
                    same.add(key);
                }
            }
        }
        assertEquals(List.of(), same, "the same in Spanish as in English; translate or list in SAME_ON_PURPOSE");
    }

    @Test
    void noValueIsBlank() {
        for (String area : Messages.AREAS) {
            for (String suffix : List.of("", "_es")) {
                Properties p = bundle(area, suffix);
                for (String key : p.stringPropertyNames()) {
                    assertTrue(!p.getProperty(key).isBlank(), area + suffix + ": " + key + " is blank");
                }
            }
        }
    }

    @Test
    void spanishPatternsTakeTheSameArgumentsAsEnglish() {
        for (String area : Messages.AREAS) {
            Properties en = bundle(area, "");
            Properties es = bundle(area, "_es");
            for (String key : en.stringPropertyNames()) {
                if (es.getProperty(key) != null) {
                    assertEquals(arguments(en.getProperty(key)), arguments(es.getProperty(key)),
                            key + ": the Spanish pattern takes other arguments");
                }
            }
        }
    }

    @Test
    void patternsAreReadableAndQuoteApostrophesTwice() {
        for (String area : Messages.AREAS) {
            for (String suffix : List.of("", "_es")) {
                Properties p = bundle(area, suffix);
                for (String key : p.stringPropertyNames()) {
                    String value = p.getProperty(key);
                    String where = area + suffix + ": " + key;
                    if (arguments(value).isEmpty()) {
                        assertTrue(!value.contains("''"), where + " takes no arguments, so one apostrophe is enough");
                    } else {
                        assertTrue(!LONE_APOSTROPHE.matcher(value).find(),
                                where + " is a pattern: write an apostrophe twice");
                        new MessageFormat(value, Locale.ROOT); // throws if it is not a pattern
                    }
                }
            }
        }
    }

    @Test
    void everyKeyTheTemplatesUseIsInEnglish() {
        assertUsedKeysExist(TEMPLATES, ".jte");
    }

    @Test
    void everyKeyTheNodeUsesIsInEnglish() {
        assertTrue(Files.isDirectory(NODE_SOURCES), "the node's sources are expected beside this module");
        assertUsedKeysExist(NODE_SOURCES, ".java");
    }

    @Test
    void noKeyIsJoinedFromPieces() {
        List<String> joined = new ArrayList<>();
        for (Path dir : List.of(TEMPLATES, NODE_SOURCES)) {
            for (Map.Entry<Path, String> file : sources(dir, dir == TEMPLATES ? ".jte" : ".java").entrySet()) {
                Matcher m = JOINED_KEY.matcher(file.getValue());
                while (m.find()) {
                    joined.add(file.getKey() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), joined, "keys built from pieces cannot be checked; list each key whole");
    }

    @Test
    void theScanFindsKeysWhereTheyAreUsed() {
        // Guards the scan itself: a known key in a template and one in the node must be found.
        assertTrue(usedKeys(TEMPLATES, ".jte").containsKey("common.skip"));
        assertTrue(usedKeys(NODE_SOURCES, ".java").containsKey("common.form.expired"));
    }

    private static void assertUsedKeysExist(Path dir, String extension) {
        Set<String> english = new TreeSet<>();
        for (String area : Messages.AREAS) {
            english.addAll(bundle(area, "").stringPropertyNames());
        }
        Map<String, Path> used = usedKeys(dir, extension);
        Map<String, Path> missing = new TreeMap<>();
        used.forEach((key, file) -> {
            if (!english.contains(key)) {
                missing.put(key, file);
            }
        });
        assertEquals(Map.of(), missing, "used but not in the English bundles");
    }

    private static Map<String, Path> usedKeys(Path dir, String extension) {
        Map<String, Path> used = new TreeMap<>();
        sources(dir, extension).forEach((file, text) -> {
            Matcher m = KEY_LITERAL.matcher(text);
            while (m.find()) {
                used.putIfAbsent(m.group(1), file);
            }
        });
        return used;
    }

    private static Map<Path, String> sources(Path dir, String extension) {
        Map<Path, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).toList()) {
                texts.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static Set<Integer> arguments(String value) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(value);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static Properties bundle(String area, String suffix) {
        Properties p = new Properties();
        Path file = BUNDLES.resolve(area + suffix + ".properties");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read", e);
        }
        return p;
    }
}
