package hearth.bench;

import java.util.List;
import java.util.Random;

/**
 * Seeded forum text for posts sent to a node or written into its database: thread titles,
 * opening posts and replies in English (about two in three) and Spanish, from the same
 * phrasebooks as the search corpus. Bodies are plain sentences, sometimes in two paragraphs.
 *
 * <pre>{@code
 * ForumText text = new ForumText(42);
 * String title = text.title(), body = text.opening();
 * }</pre>
 *
 * <p>The same seed gives the same sequence of texts. Not thread-safe: one per thread.
 */
public final class ForumText {

    private static final List<String> PLACES = List.of("Alder", "Brookfield", "Carrow", "Dunmore", "Elsworth",
            "Fairholme", "Glenbrook", "Harlow", "Islay", "Kilbride", "Loma Verde", "Marisol", "Navarra", "Olmedo");

    private final Random random;
    private Phrasebook book;

    public ForumText(long seed) {
        this.random = new Random(seed);
        this.book = EnglishPhrases.BOOK;
    }

    /** A thread title; it also picks the language of the posts that follow, until the next title. */
    public String title() {
        book = random.nextInt(3) < 2 ? EnglishPhrases.BOOK : SpanishPhrases.BOOK;
        return capitalized(fill(pick(book.titles())));
    }

    /** An opening post: three to eight sentences. */
    public String opening() {
        return sentences(book.openings(), 3 + random.nextInt(6));
    }

    /** A reply: one to four sentences. */
    public String reply() {
        return sentences(random.nextInt(4) == 0 ? book.openings() : book.replies(), 1 + random.nextInt(4));
    }

    /** A number in {@code [0, bound)} from the same seeded sequence. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String sentences(List<String> templates, int count) {
        StringBuilder body = new StringBuilder(count * 60);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                body.append(i == count / 2 && count > 3 ? "\n\n" : " ");
            }
            body.append(capitalized(fill(pick(templates))));
        }
        return body.toString();
    }

    private String fill(String template) {
        return book.fill(template, random, () -> pick(PLACES));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
