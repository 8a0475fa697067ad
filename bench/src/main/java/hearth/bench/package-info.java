/**
 * Hearth's benchmark suite, run by {@code ./hearth bench [NAME ...] [--quick]}: {@link hearth.bench.Bench}
 * is the command, {@link hearth.bench.Suite} the list of benchmarks (one line each), and each
 * benchmark ends its output with one JSON line ({@link hearth.bench.JsonLine}).
 *
 * <p>Here too is the search benchmark, {@link hearth.bench.SearchBench}: it indexes a synthetic
 * forum ({@link hearth.bench.Corpus}, written from the word lists and sentence templates in
 * {@link hearth.bench.Phrasebook}) and times a fixed, seeded mix of searches
 * ({@link hearth.bench.QueryMix}). {@link hearth.bench.ForumText} writes posts from the same
 * phrasebooks for the benchmarks that post to a node.
 *
 * <p>Everything is generated from a seed: the same seed gives the same corpus, posts and
 * queries. Nothing is downloaded. The suite knows the search library's public API and the
 * node only from the outside: its jar, its command line, its HTTP pages and forms, and its
 * database schema (for seeding a million posts).
 */
package hearth.bench;
