/**
 * The load generator: closed-loop load for saturation throughput and open-loop load at a fixed
 * rate for latency measured from each request's due time ({@link hearth.bench.load.LoadGenerator}),
 * driven by per-connection {@link hearth.bench.load.RequestScript}s.
 *
 * <p>It must not know what it loads (a node, the ceiling) nor start processes.
 */
package hearth.bench.load;
