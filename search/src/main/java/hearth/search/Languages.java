package hearth.search;

import java.io.Closeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Which analyzer reads which post, decided by the node's configured languages. Each analyzer
 * first drops invisible formatting characters ({@link WithoutInvisibles}).
 *
 * <p>A post is read once, in one <em>reading</em>: the stemming analyzer of its language when
 * the node is configured for it (English and Spanish stem and drop stop words; French, German,
 * Italian and Portuguese too), otherwise the {@value #STANDARD} reading (exact words). A post
 * whose language is unknown is read in every configured stemming language, since it is most
 * likely written in one of them. Each reading has its own fields ({@link PostFields}), and a
 * query is asked in every reading ({@link TextQueries}). One reading per post, rather than a
 * standard reading for all plus a stemmed one, halves the postings a query walks.
 *
 * <p>Immutable; Lucene analyzers are safe to share across threads. Close it with the index.
 */
final class Languages implements Closeable {

    /** The reading of posts in languages without a configured stemming analyzer. */
    static final String STANDARD = "std";

    /** Keeps a phrase from matching across the end of a title and the start of a body. */
    private static final int POSITION_GAP = 100;

    private static final Map<String, Supplier<Analyzer>> STEMMING =
            Map.of(
                    "en", EnglishAnalyzer::new,
                    "es", SpanishAnalyzer::new,
                    "fr", FrenchAnalyzer::new,
                    "de", GermanAnalyzer::new,
                    "it", ItalianAnalyzer::new,
                    "pt", PortugueseAnalyzer::new);

    private final Map<String, Analyzer> analyzers; // STANDARD first, then configured, in order
    private final List<String> stemmed;

    private Languages(Map<String, Analyzer> analyzers) {
        this.analyzers = analyzers;
        List<String> keys = List.copyOf(analyzers.keySet());
        this.stemmed = keys.subList(1, keys.size());
    }

    /**
     * The analyzers for a node configured with these languages (ISO 639-1, a region such as
     * {@code en-GB} is ignored); languages without a stemming analyzer use the standard reading.
     */
    static Languages of(List<String> configured) {
        Objects.requireNonNull(configured, "languages");
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        analyzers.put(STANDARD, new WithoutInvisibles(new StandardAnalyzer()));
        for (String language : configured) {
            String code = normalize(Objects.requireNonNull(language, "language"));
            Supplier<Analyzer> factory = code == null ? null : STEMMING.get(code);
            if (factory != null && !analyzers.containsKey(code)) {
                analyzers.put(code, new WithoutInvisibles(factory.get()));
            }
        }
        return new Languages(analyzers);
    }

    /** Every reading: {@value #STANDARD} first, then the configured stemming languages. */
    List<String> keys() {
        return List.copyOf(analyzers.keySet());
    }

    /** The analyzer of one reading. */
    Analyzer analyzer(String key) {
        return Objects.requireNonNull(analyzers.get(key), key);
    }

    /** The readings of a post in this language ({@code null}: unknown). */
    List<String> keysFor(String language) {
        String code = normalize(language);
        if (code == null) {
            return stemmed.isEmpty() ? List.of(STANDARD) : stemmed;
        }
        return !STANDARD.equals(code) && analyzers.containsKey(code) ? List.of(code) : List.of(STANDARD);
    }

    /** The analyzer the index writer uses: each field by its reading's analyzer. */
    Analyzer indexAnalyzer() {
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                String reading = PostFields.readingOf(fieldName);
                return analyzers.getOrDefault(reading, analyzers.get(STANDARD));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return POSITION_GAP;
            }
        };
    }

    /** The configured stemming languages, e.g. {@code "en,es"}; stored with each commit. */
    String signature() {
        return String.join(",", stemmed);
    }

    /** {@code "en-GB"} becomes {@code "en"}; blank becomes {@code null}. */
    static String normalize(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        return dash > 0 ? code.substring(0, dash) : code;
    }

    @Override
    public void close() {
        analyzers.values().forEach(Analyzer::close);
    }
}
