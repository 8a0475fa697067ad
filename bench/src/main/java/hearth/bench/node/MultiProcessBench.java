package hearth.bench.node;

import hearth.bench.BenchContext;
import hearth.bench.JsonLine;
import hearth.bench.Machine;
import hearth.bench.http.Requests;
import hearth.bench.load.LoadGenerator;
import hearth.bench.load.RequestScript;
import hearth.bench.process.NodeProcess;
import hearth.bench.process.PgCluster;
import hearth.bench.process.Processes;
import hearth.bench.seed.HttpSeeder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The thread page served by one node process on SQLite, then by one, two and three node
 * processes sharing one PostgreSQL database, measured by the same load generator in the same run.
 *
 * <p>There is no reverse proxy: the load generator spreads its connections round-robin over the
 * processes' ports, as a proxy would. Each process has its own data folder and search index;
 * a process that joins waits until it is idle (its index caught up) before it is measured.
 * The CPU figure printed is the first process's only. Entry point: the suite's
 * {@code multi-process}.
 */
public final class MultiProcessBench {

    private MultiProcessBench() {
    }

    public static void run(BenchContext context) throws Exception {
        context.say("%s", Machine.describe());
        Processes processes = context.processes();
        int replies = context.size().pick(10, 50, 50);
        Duration settle = Duration.ofSeconds(context.size().pick(3, 180, 180));
        JsonLine json = new JsonLine("multi-process");

        NodeProcess alone = processes.startNode(processes.folder("sqlite"));
        alone.awaitHealthy(Duration.ofMinutes(2));
        String path = seed(context, alone, replies);
        Settle.await(alone, settle);
        record(json, "sqlite_1", measure(context, "sqlite x1", List.of(alone), path));
        alone.stop(); // its CPU is the processes' to share from here on

        try (PgCluster pg = PgCluster.start()) {
            Path config = processes.configWith("bench-node-postgres",
                    "storage:\n  url: \"" + pg.storageUrl() + "\"");
            List<NodeProcess> nodes = new ArrayList<>();
            // The build's tiny run stops at two processes: enough to show they share one database.
            for (int n = 1; n <= context.size().pick(2, 3, 3); n++) {
                NodeProcess node = processes.startNode(processes.folder("postgres-" + n), "--config", config.toString());
                node.awaitHealthy(Duration.ofMinutes(2));
                nodes.add(node);
                if (n == 1) {
                    path = seed(context, node, replies);
                }
                Settle.await(node, settle);
                record(json, "postgres_" + n, measure(context, "pg x" + n, nodes, path));
            }
            nodes.forEach(NodeProcess::stop); // while their database is still there to close cleanly
        }
        json.put("connections", context.connections()).put("seconds", context.measure().toMillis() / 1000.0, 1);
        context.out().println(json.finish(context.size()));
    }

    private static String seed(BenchContext context, NodeProcess node, int replies) throws Exception {
        try (HttpSeeder seeder = new HttpSeeder("127.0.0.1", node.port(), context.seed(), 10)) {
            String path = seeder.thread(seeder.circles().getFirst(), replies);
            context.say("page: GET %s, a thread with %d replies seeded through the forms", path, replies);
            return path;
        }
    }

    private static LoadPhases.Figures measure(BenchContext context, String label, List<NodeProcess> nodes,
                                              String path) throws Exception {
        List<Integer> ports = nodes.stream().map(NodeProcess::port).toList();
        byte[] request = Requests.get(nodes.getFirst().host(), path, null);
        List<RequestScript> scripts = new ArrayList<>();
        for (int i = 0; i < context.connections(); i++) {
            scripts.add(RequestScript.repeat(request, 200));
        }
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", ports, scripts)) {
            return LoadPhases.measure(context, load, nodes.getFirst().process(), label, "pages/s");
        }
    }

    private static void record(JsonLine json, String key, LoadPhases.Figures figures) {
        json.put(key + "_rps", Math.round(figures.saturated().rate()))
                .put(key + "_p99_ms", figures.half().p99(), 2)
                .put(key + "_saturated_p99_ms", figures.saturated().p99(), 2)
                .put(key + "_errors", figures.errors());
    }
}
