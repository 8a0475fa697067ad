package hearth.bench.federation;

import hearth.bench.BenchContext;
import hearth.bench.JsonLine;
import hearth.bench.Latencies;
import hearth.bench.Machine;
import hearth.bench.http.Requests;
import hearth.bench.load.LoadGenerator;
import hearth.bench.load.LoadResult;
import hearth.bench.load.RequestScript;
import hearth.bench.node.PageBench;
import hearth.bench.process.NodeProcess;
import hearth.bench.seed.HttpSeeder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Page latency while a hostile server floods the inbox, next to the same without the flood. A
 * node with its default per-server inbox limit (50 a second, bursts of 200) serves a thread with
 * 50 replies, rendered for each request, to a load generator, open loop, latency from each
 * request's due time: in turns, with nothing else going on and while one server (one key, one
 * host, in a process of its own: {@link FloodProcess}) sends signed activities at ten times the
 * rate the limit allows it, sending again what is refused. Each flooded phase is measured once the
 * flood has spent its burst, so it shows the node refusing the flood (429) while taking in what
 * the limit allows, not the burst.
 *
 * <p>The page is read at half the saturation rate, as every page benchmark is, and again at a
 * quarter: on a 2-core machine the flooding process itself takes a large share of the CPU the
 * node would have (a real flood comes from another machine), and at half load the machine has
 * none left over for it. Entry point: the suite's {@code inbox-flood}.
 */
public final class InboxFloodBench {

    /** The node's default limit, which this run measures; more activities than this are signed beforehand. */
    private static final int NODE_PER_SECOND = 50;
    private static final int NODE_BURST = 200;

    private InboxFloodBench() {
    }

    public static void run(BenchContext context) throws Exception {
        context.say("%s", Machine.describe());
        int replies = context.size().pick(10, 50, 50);
        int floodConnections = context.size().pick(4, 32, 32);
        // Ten times what the node lets one server deliver (six when tiny, whose phases are short).
        int floodRate = context.size().pick(300, 10 * NODE_PER_SECOND, 10 * NODE_PER_SECOND);
        // Quiet and flooded phases take turns, so a change in the machine's other load falls on both.
        int rounds = context.size().pick(1, 3, 4);
        Duration phase = context.measure().dividedBy(rounds);
        NodeProcess node = context.processes().startNode(context.processes().folder("data"),
                "--allow-private-addresses");
        node.awaitHealthy(Duration.ofMinutes(2));
        String path;
        try (HttpSeeder seeder = new HttpSeeder("127.0.0.1", node.port(), context.seed(), 10)) {
            path = seeder.thread(seeder.circles().getFirst(), replies);
        }
        // More than the limit can let in over every flooded phase (rounds at two page rates), each starting
        // with a full burst.
        long floodSeconds = 2 * (context.measure().toSeconds() + rounds * 10L);
        int signed = 2 * rounds * NODE_BURST + (int) (NODE_PER_SECOND * floodSeconds) + 500;
        FloodControl flooder = FloodControl.launch(context.processes(), node.port(), floodRate, floodConnections,
                signed);
        context.say("page: GET %s, a thread with %d replies; flood: %,d signed Likes from one server, %,d a second"
                + " on up to %d connections, refused ones sent again; the node's default limit: %d a second in"
                + " bursts of %d; at each of two page rates, %d rounds of a quiet and a flooded phase, %.1f s each", path, replies,
                signed, floodRate, floodConnections, NODE_PER_SECOND, NODE_BURST, rounds,
                phase.toMillis() / 1000.0);

        try (LoadGenerator load = new LoadGenerator("127.0.0.1", node.port(), scripts(context, node.host(), path))) {
            if (!context.warmup().isZero()) {
                load.closedLoop(context.warmup());
            }
            LoadResult saturated = load.closedLoop(context.measure());
            if (saturated.completed() == 0) {
                throw new IllegalStateException("the node served no page: " + saturated.firstError());
            }
            context.say("  saturated (closed loop, %d connections): %s", context.connections(),
                    saturated.summary("pages/s"));
            Share half = measure(context, load, node, flooder, saturated.rate() / 2, rounds, phase, "half");
            Share quarter = measure(context, load, node, flooder, saturated.rate() / 4, rounds, phase, "a quarter of");
            Phases quiet = half.quiet();
            Phases flooded = half.flooded();
            Flooder.Counts flood = half.flood();

            context.out().println(new JsonLine("inbox-flood")
                    .put("p50_ms", quiet.p50(), 2)
                    .put("p99_ms", quiet.p99(), 2)
                    .put("flood_p50_ms", flooded.p50(), 2)
                    .put("flood_p99_ms", flooded.p99(), 2)
                    .put("p99_ratio", half.ratio(), 2)
                    .put("page_rate", half.rate(), 0)
                    .put("rps", Math.round(saturated.rate()))
                    .put("flood_rps", flood.perSecond(), 0)
                    .put("flood_accepted", flood.accepted())
                    .put("flood_limited", flood.limited())
                    .put("flood_other", flood.other())
                    .put("flood_failed", flood.failed())
                    .put("node_cpu_quiet", quiet.cpuCores(), 2)
                    .put("node_cpu_flood", flooded.cpuCores(), 2)
                    .put("flooder_cpu", half.flooderCores(), 2)
                    .put("quarter_page_rate", quarter.rate(), 0)
                    .put("quarter_p99_ms", quarter.quiet().p99(), 2)
                    .put("quarter_flood_p99_ms", quarter.flooded().p99(), 2)
                    .put("quarter_p99_ratio", quarter.ratio(), 2)
                    .put("quarter_node_cpu_flood", quarter.flooded().cpuCores(), 2)
                    .put("connections", context.connections())
                    .put("flood_rate", floodRate)
                    .put("flood_connections", floodConnections)
                    .put("rounds", rounds)
                    .put("seconds", context.measure().toMillis() / 1000.0, 1)
                    .put("errors", quiet.errors + flooded.errors + quarter.quiet().errors + quarter.flooded().errors)
                    .finish(context.size()));
        } finally {
            flooder.exit();
        }
    }

    /** The open-loop phases of one kind, taken together. */
    /** The page at one rate, quiet and flooded in turns, as many rounds as the size asks. */
    private record Share(double rate, Phases quiet, Phases flooded, Flooder.Counts flood, double flooderCores) {
        double ratio() {
            return flooded.p99() / quiet.p99();
        }
    }

    private static Share measure(BenchContext context, LoadGenerator load, NodeProcess node, FloodControl flooder,
                                 double rate, int rounds, Duration phase, String share) throws Exception {
        Phases quiet = new Phases();
        Phases flooded = new Phases();
        Flooder.Counts flood = new Flooder.Counts(0, 0, 0, 0, 0);
        double flooderCpu = 0;
        for (int round = 1; round <= rounds; round++) {
            double cpu = node.cpuSeconds();
            quiet.add(load.openLoop(rate, phase), node.cpuSeconds() - cpu);
            flooder.start();
            try {
                flooder.awaitLimited(Duration.ofSeconds(60));
                Flooder.Counts before = flooder.counts();
                cpu = node.cpuSeconds();
                double floodCpu = flooder.process().cpuSeconds();
                flooded.add(load.openLoop(rate, phase), node.cpuSeconds() - cpu);
                flood = flood.plus(flooder.counts().minus(before));
                flooderCpu += flooder.process().cpuSeconds() - floodCpu;
            } finally {
                flooder.stop();
            }
        }
        context.say("  at %s the saturation rate:", share);
        context.say("    no flood (open loop, due at %,.0f/s): %s, node %.2f cores", rate,
                quiet.summary(), quiet.cpuCores());
        context.say("    flooded  (open loop, due at %,.0f/s): %s, node %.2f cores", rate,
                flooded.summary(), flooded.cpuCores());
        double flooderCores = flooderCpu / flooded.seconds;
        context.say("    the flood meanwhile: %,.0f requests/s answered: %,d accepted (202), %,d refused (429),"
                + " %,d other, %,d failed; the flooding process used %.2f cores", flood.perSecond(),
                flood.accepted(), flood.limited(), flood.other(), flood.failed(), flooderCores);
        Share measured = new Share(rate, quiet, flooded, flood, flooderCores);
        context.say("    page p99 flooded / not flooded: %.2f (%.2f ms / %.2f ms)", measured.ratio(), flooded.p99(),
                quiet.p99());
        return measured;
    }

    private static final class Phases {
        private final Latencies latencies = new Latencies();
        private long completed;
        private long errors;
        private double seconds;
        private double cpuSeconds;

        void add(LoadResult phase, double nodeCpuSeconds) {
            latencies.addAll(phase.latencies());
            completed += phase.completed();
            errors += phase.errors();
            seconds += phase.seconds();
            cpuSeconds += nodeCpuSeconds;
        }

        double p50() {
            return latencies.percentileMillis(50);
        }

        double p99() {
            return latencies.percentileMillis(99);
        }

        double cpuCores() {
            return seconds <= 0 ? 0 : cpuSeconds / seconds;
        }

        String summary() {
            return String.format(java.util.Locale.ROOT, "%,.0f pages/s  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms"
                    + "  max %.2f ms  (%,d answers%s)", seconds <= 0 ? 0 : completed / seconds, p50(),
                    latencies.percentileMillis(90), p99(), latencies.percentileMillis(100), completed,
                    errors > 0 ? ", ERRORS " + errors : "");
        }
    }

    /**
     * One identical GET per connection, as the page benchmarks send it for a reader with a cookie:
     * the page is rendered for every request. A reader without one is served from the one-second
     * page cache, at a rate (half of about 18,000 a second) that leaves a 2-core machine, shared
     * with the load generator and the flooding process, no room at all: the run would measure the
     * machine's overload rather than what the flood costs the node's pages.
     */
    private static List<RequestScript> scripts(BenchContext context, String host, String path) {
        byte[] request = Requests.get(host, path, PageBench.RENDERED_COOKIE);
        List<RequestScript> scripts = new ArrayList<>();
        for (int i = 0; i < context.connections(); i++) {
            scripts.add(RequestScript.repeat(request, 200));
        }
        return scripts;
    }
}
