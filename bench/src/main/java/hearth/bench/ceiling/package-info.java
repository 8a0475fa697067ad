/**
 * The ceiling for page benchmarks: a bare Vert.x route serving fixed bytes from memory, run as
 * its own process ({@link hearth.bench.ceiling.FixedPageServer}).
 *
 * <p>It must not know the node or the benchmarks: it serves whatever page it is handed.
 */
package hearth.bench.ceiling;
