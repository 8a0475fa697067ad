package hearth.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one language's synthetic posts are written: title and sentence templates whose
 * {@code {slots}} are filled from word lists, plus the words and phrases people search for.
 *
 * <p>Slot values are drawn with a skew towards the start of each list, so some words are
 * common and others rare, as in real text. The slot {@code {name}} is filled by the caller
 * (a long tail of made-up names, see {@link Corpus}).
 *
 * <p>Immutable; safe to share across threads (each caller brings its own {@link Random}).
 *
 * @param language   ISO 639-1 code of the posts
 * @param titles     thread title templates
 * @param openings   sentence templates for opening posts
 * @param replies    sentence templates for replies
 * @param slots      the values of each slot
 * @param queryWords single words people search for
 * @param phrases    phrases people search for in quotes
 */
record Phrasebook(
        String language,
        List<String> titles,
        List<String> openings,
        List<String> replies,
        Map<String, List<String>> slots,
        List<String> queryWords,
        List<String> phrases) {

    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");

    Phrasebook {
        Objects.requireNonNull(language);
        titles = List.copyOf(titles);
        openings = List.copyOf(openings);
        replies = List.copyOf(replies);
        slots = Map.copyOf(slots);
        queryWords = List.copyOf(queryWords);
        phrases = List.copyOf(phrases);
    }

    /** Fills a template; {@code name} supplies the value of each {@code {name}} slot. */
    String fill(String template, Random random, Supplier<String> name) {
        Matcher matcher = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (matcher.find()) {
            String slot = matcher.group(1);
            String value = slot.equals("name") ? name.get() : skewed(slots.get(slot), random);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** An element of the list, earlier ones more often (roughly Zipf-like). */
    static <T> T skewed(List<T> list, Random random) {
        Objects.requireNonNull(list, "no such slot");
        double u = random.nextDouble();
        return list.get((int) (list.size() * u * u));
    }
}
