package hearth.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * An analyzer that first removes invisible formatting characters: bidi marks, embeddings,
 * overrides and isolates, the soft hyphen, the word joiner and the byte-order mark.
 *
 * <p>Why: Unicode word breaking keeps such characters inside a word, so "tired" followed by a
 * right-to-left mark would be indexed as a different word and never found. Right-to-left text
 * often carries these marks. The filter corrects offsets, so highlighting still marks the
 * right characters.
 *
 * <p>Safe to share across threads, like every Lucene analyzer. Closing it closes the
 * analyzer it wraps.
 */
final class WithoutInvisibles extends AnalyzerWrapper {

    private static final NormalizeCharMap INVISIBLES = invisibles();

    private final Analyzer delegate;

    WithoutInvisibles(Analyzer delegate) {
        super(delegate.getReuseStrategy());
        this.delegate = delegate;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return delegate;
    }

    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
        return new MappingCharFilter(INVISIBLES, reader);
    }

    @Override
    protected Reader wrapReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(INVISIBLES, reader);
    }

    @Override
    public void close() {
        super.close();
        delegate.close();
    }

    private static NormalizeCharMap invisibles() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        String chars = "\u00AD\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF";
        for (char c : chars.toCharArray()) {
            map.add(String.valueOf(c), "");
        }
        return map.build();
    }
}
