package hearth.bench.node;

import hearth.bench.BenchContext;
import hearth.bench.load.LoadGenerator;
import hearth.bench.load.LoadResult;
import hearth.bench.process.ChildProcess;

/**
 * The measurement every load benchmark makes of one server: a closed-loop warm-up, a
 * closed-loop phase for the saturation rate, then an open-loop phase at half that rate for
 * latency (measured from each request's due time). Prints each phase as it ends.
 */
final class LoadPhases {

    /**
     * @param saturated  the closed-loop phase
     * @param half       the open-loop phase at half the saturated rate
     * @param serverCpu  cores the server process used during the saturated phase
     */
    record Figures(LoadResult saturated, LoadResult half, double serverCpu) {
        long errors() {
            return saturated.errors() + half.errors();
        }
    }

    private LoadPhases() {
    }

    /**
     * @param label  printed before each phase, e.g. "node" or "ceiling"
     * @param unit   what one request is, per second, e.g. "pages/s"
     */
    static Figures measure(BenchContext context, LoadGenerator load, ChildProcess server, String label, String unit)
            throws InterruptedException {
        if (!context.warmup().isZero()) {
            LoadResult warm = load.closedLoop(context.warmup());
            if (warm.completed() == 0) {
                throw new IllegalStateException(label + " answered nothing as expected while warming up: "
                        + warm.firstError());
            }
        }
        double cpuBefore = server.cpuSeconds();
        LoadResult saturated = load.closedLoop(context.measure());
        double serverCpu = (server.cpuSeconds() - cpuBefore) / saturated.seconds();
        context.say("  %-8s saturated (closed loop, %d connections, %.1f s): %s, %s %.2f cores", label,
                context.connections(), saturated.seconds(), saturated.summary(unit), label, serverCpu);
        if (saturated.completed() == 0) {
            throw new IllegalStateException(label + " answered nothing as expected: " + saturated.firstError());
        }
        LoadResult half = load.openLoop(saturated.rate() / 2, context.measure());
        context.say("  %-8s half load (open loop, due at %,.0f/s, latency from due time): %s", label,
                half.targetRate(), half.summary(unit));
        return new Figures(saturated, half, serverCpu);
    }
}
