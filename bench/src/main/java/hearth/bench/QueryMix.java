package hearth.bench;

import hearth.search.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fixed, seeded mix of searches like people make: one to four words, or a quoted phrase,
 * in English or Spanish; some newest-first, some in one circle, some local only, and some
 * asking for a later page.
 *
 * <p>Immutable once built; safe to share across threads.
 *
 * @param queries the searches, in the order to run them
 */
record QueryMix(List<Search> queries) {

    /**
     * One search: the query and which page of it to time (1 is the first; for page n the
     * n - 1 pages before it are fetched, untimed, to get the cursor).
     */
    record Search(SearchQuery query, int page, Kind kind) {}

    /** The two latency targets are for one to three words, and for phrases. */
    enum Kind {
        WORDS_1_TO_3, WORDS_4, PHRASE;

        static Kind of(String text) {
            if (text.startsWith("\"")) {
                return PHRASE;
            }
            return text.split(" ").length <= 3 ? WORDS_1_TO_3 : WORDS_4;
        }
    }

    QueryMix {
        queries = List.copyOf(queries);
    }

    static QueryMix of(long seed, int count) {
        Random random = new Random(seed);
        List<Search> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Phrasebook book = random.nextInt(10) < 7 ? EnglishPhrases.BOOK : SpanishPhrases.BOOK;
            String text = text(book, random);
            SearchQuery query = SearchQuery.of(text);
            int roll = random.nextInt(100);
            if (roll < 15) {
                query = query.ordered(SearchQuery.Order.NEWEST);
            } else if (roll < 30) {
                query = query.inCircle(Phrasebook.skewed(Corpus.CIRCLES.get(book.language()), random));
            } else if (roll < 40) {
                query = query.localOnly(true);
            }
            int page = random.nextInt(10) == 0 ? 2 + random.nextInt(9) : 1;
            queries.add(new Search(query, page, Kind.of(text)));
        }
        return new QueryMix(queries);
    }

    private static String text(Phrasebook book, Random random) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return "\"" + Phrasebook.skewed(book.phrases(), random) + "\"";
        }
        int words = roll < 50 ? 1 : roll < 75 ? 2 : roll < 90 ? 3 : 4;
        List<String> chosen = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            chosen.add(book.queryWords().get(random.nextInt(book.queryWords().size())));
        }
        return String.join(" ", chosen);
    }
}
