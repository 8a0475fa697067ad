package hearth.bench.node;

import hearth.bench.BenchContext;
import hearth.bench.JsonLine;
import hearth.bench.Machine;
import hearth.bench.process.NodeProcess;
import hearth.bench.process.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start-up: the time from launching the built node (the {@code java} command {@code ./hearth
 * start} runs) to {@code /healthz} answering 200, polled every 5 ms. The first start, on a new
 * data folder, also creates the database and the secret; the median is over restarts on that
 * folder, the usual case. Entry point: the suite's {@code startup}.
 */
public final class StartupBench {

    static final double TARGET_MS = 3_000;

    private StartupBench() {
    }

    public static void run(BenchContext context) throws Exception {
        context.say("%s", Machine.describe());
        Processes processes = context.processes();
        Path data = processes.folder("data");
        int restarts = context.size().pick(0, 3, 7); // tiny: the first start alone shows it still works
        context.say("node JVM options: %s", PageBench.describe(processes.javaOptions()));

        Start firstStart = startAndStop(processes, data);
        long first = firstStart.ms();
        context.say("first start (new data folder: database, migrations, secret): %,d ms, %.2f s of CPU", first,
                firstStart.cpuSeconds());
        List<Long> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            Start start = startAndStop(processes, data);
            times.add(start.ms());
            cpu.add(start.cpuSeconds());
            context.say("restart %d: %,d ms, %.2f s of CPU", i + 1, start.ms(), start.cpuSeconds());
        }
        if (cpu.isEmpty()) {
            cpu.add(firstStart.cpuSeconds());
        }
        Collections.sort(cpu);
        // CPU time to /healthz hardly depends on what else the machine runs, unlike the time on the clock.
        double medianCpu = cpu.get(cpu.size() / 2);
        if (times.isEmpty()) {
            times.add(first);
        }
        Collections.sort(times);
        long median = times.size() % 2 == 1 ? times.get(times.size() / 2)
                : (times.get(times.size() / 2 - 1) + times.get(times.size() / 2)) / 2;
        context.say("start-up to /healthz: median %,d ms over %d start(s) (min %,d, max %,d)", median, times.size(),
                times.getFirst(), times.getLast());
        Targets check = new Targets().atMost("median start-up", median, TARGET_MS, " ms");
        check.print(context, "");
        context.out().println(new JsonLine("startup")
                .put("median_ms", median)
                .put("min_ms", times.getFirst())
                .put("max_ms", times.getLast())
                .put("first_ms", first)
                .put("median_cpu_s", medianCpu, 2)
                .put("load_1min", Machine.oneMinuteLoad(), 2)
                .put("runs", times.size())
                .put("meets_targets", check.met())
                .finish(context.size()));
    }

    /** One start: time on the clock and CPU time used until /healthz answered. */
    private record Start(long ms, double cpuSeconds) {
    }

    private static Start startAndStop(Processes processes, Path data) throws Exception {
        NodeProcess node = processes.startNode(data);
        try {
            long ms = node.awaitHealthy(Duration.ofMinutes(2)).toMillis();
            return new Start(ms, node.cpuSeconds());
        } finally {
            node.stop();
        }
    }
}
