/**
 * Processes a benchmark starts and stops: the node from its jar, run as {@code ./hearth start}
 * runs it ({@link hearth.bench.process.NodeProcess}), the fixed-bytes ceiling server
 * ({@link hearth.bench.process.CeilingServer}), and node commands such as {@code reindex}; their
 * memory and CPU from {@code /proc}. {@link hearth.bench.process.Processes} stops all of them.
 *
 * <p>It must not know what a benchmark measures, nor load the node's classes.
 */
package hearth.bench.process;
