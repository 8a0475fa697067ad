/**
 * Benchmarks, run by hand and smoke-tested by the build: {@link hearth.bench.SearchBench}
 * indexes a synthetic forum ({@link hearth.bench.Corpus}, written from the word lists and
 * sentence templates in {@link hearth.bench.Phrasebook}) and times a fixed, seeded mix of
 * searches ({@link hearth.bench.QueryMix}).
 *
 * <p>Everything is generated from a seed: the same seed gives the same corpus and queries.
 * Nothing is downloaded. It knows only the search library's public API.
 */
package hearth.bench;
