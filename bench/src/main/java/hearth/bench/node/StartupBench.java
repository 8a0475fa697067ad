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

        long first = startAndStop(processes, data);
        context.say("first start (new data folder: database, migrations, secret): %,d ms", first);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            long ms = startAndStop(processes, data);
            times.add(ms);
            context.say("restart %d: %,d ms", i + 1, ms);
        }
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
                .put("runs", times.size())
                .put("meets_targets", check.met())
                .finish(context.size()));
    }

    private static long startAndStop(Processes processes, Path data) throws Exception {
        NodeProcess node = processes.startNode(data);
        try {
            return node.awaitHealthy(Duration.ofMinutes(2)).toMillis();
        } finally {
            node.stop();
        }
    }
}
