package hearth.bench;

import hearth.search.SearchDocument;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A synthetic forum: threads (an opening post and its replies) in English and Spanish, in
 * circles, from this node and a few remote ones, over the three years before {@code now}.
 *
 * <p>The same seed, size and {@code now} always give the same posts. Not thread-safe: one
 * generator per thread; {@link #forEach} may be called once.
 * <pre>{@code
 * new Corpus(42, 1_000_000, now).forEach(index::upsert);
 * }</pre>
 */
final class Corpus {

    static final Map<String, List<String>> CIRCLES =
            Map.of(
                    "en", List.of("new-mums", "pregnancy", "anxiety", "sleep", "loss", "partners", "work"),
                    "es", List.of("madres", "embarazo", "ansiedad", "duelo"));

    private static final List<String> REMOTE_HOSTS =
            List.of("hearth.example.org", "circulo.example.es", "peer.example.net", "calm.example.ie");
    private static final List<String> ADJECTIVES =
            List.of("Quiet", "Brave", "Gentle", "Steady", "Bright", "Tender", "Hopeful", "Calm",
                    "Warm", "Patient", "Serena", "Valiente", "Tranquila", "Luminosa");
    private static final List<String> NOUNS =
            List.of("Fern", "Willow", "Harbour", "Lark", "Ember", "River", "Meadow", "Robin",
                    "Heron", "Luna", "Brisa", "Alba", "Olivo", "Marea");
    private static final String[] SYLLABLES =
            {"ba", "lo", "mi", "ra", "ten", "vor", "sil", "ca", "dun", "el", "fa", "gri", "hol",
                    "ix", "jo", "ker", "lum", "nor", "pa", "quen", "ros", "sa", "tor", "ul", "ven", "wyn"};
    private static final long THREE_YEARS = TimeUnit.DAYS.toMillis(3 * 365);

    private final Random random;
    private final int posts;
    private final long now;
    private int generated;
    private int threads;

    Corpus(long seed, int posts, long now) {
        if (posts < 0) {
            throw new IllegalArgumentException("posts must not be negative");
        }
        this.random = new Random(seed);
        this.posts = posts;
        this.now = now;
    }

    /** Generates every post, in thread order, and hands each to {@code sink}. */
    void forEach(Consumer<SearchDocument> sink) {
        while (generated < posts) {
            thread(sink);
        }
    }

    private void thread(Consumer<SearchDocument> sink) {
        String threadId = "t" + (threads++);
        double kind = random.nextDouble();
        Phrasebook book = kind < 0.68 ? EnglishPhrases.BOOK : SpanishPhrases.BOOK;
        String language = kind < 0.95 ? book.language() : null; // some posts arrive untagged
        String circle = Phrasebook.skewed(CIRCLES.get(book.language()), random);
        String origin = random.nextInt(100) < 85 ? SearchDocument.LOCAL : pick(REMOTE_HOSTS);
        String title = book.fill(pick(book.titles()), random, this::name);
        long created = now - (long) (random.nextDouble() * THREE_YEARS);
        int replies = Math.min(40, (int) (-Math.log(1 - random.nextDouble()) * 5));

        for (int i = 0; i <= replies && generated < posts; i++) {
            boolean opening = i == 0;
            String body =
                    opening
                            ? sentences(book, book.openings(), 3 + random.nextInt(6))
                            : sentences(book, random.nextInt(4) == 0 ? book.openings() : book.replies(),
                                    1 + random.nextInt(4));
            String postOrigin = opening || random.nextInt(5) > 0 ? origin : pick(REMOTE_HOSTS);
            sink.accept(
                    new SearchDocument(
                            "p" + generated, threadId, circle, title, body, opening, pseudonym(), postOrigin,
                            Math.min(now, created), language));
            generated++;
            created += (long) (-Math.log(1 - random.nextDouble()) * TimeUnit.HOURS.toMillis(6));
        }
    }

    private String sentences(Phrasebook book, List<String> templates, int count) {
        StringBuilder body = new StringBuilder(count * 60);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                body.append(random.nextInt(6) == 0 ? "\n\n" : " ");
            }
            body.append(book.fill(pick(templates), random, this::name));
        }
        return body.toString();
    }

    private String pseudonym() {
        return pick(ADJECTIVES) + " " + pick(NOUNS);
    }

    /** A made-up place name from a long tail: a few are common, most are rare. */
    private String name() {
        double u = random.nextDouble();
        int index = (int) (20_000 * u * u * u);
        StringBuilder name = new StringBuilder();
        do {
            name.append(SYLLABLES[index % SYLLABLES.length]);
            index /= SYLLABLES.length;
        } while (index > 0);
        name.append(SYLLABLES[(name.length() * 7) % SYLLABLES.length]);
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return name.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
