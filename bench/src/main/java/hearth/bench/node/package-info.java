/**
 * The benchmarks of a running node: pages against the fixed-bytes ceiling
 * ({@link hearth.bench.node.PageBench}), posting ({@link hearth.bench.node.PostingBench}),
 * memory ({@link hearth.bench.node.MemoryBench}) and start-up ({@link hearth.bench.node.StartupBench}),
 * each with the targets reported as met or not.
 *
 * <p>They reach the node only as another process would (HTTP on loopback, its command line,
 * {@code /proc}) and must not load its classes.
 */
package hearth.bench.node;
