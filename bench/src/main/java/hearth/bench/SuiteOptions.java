package hearth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's command line.
 *
 * <pre>
 *   NAME ...          benchmarks to run (default: all, in the suite's order)
 *   --quick           a small size, well within a minute per benchmark
 *   --tiny            the smallest size: only shows that a benchmark still runs
 *   --connections N   load generator connections (default 16)
 *   --seconds S       length of each measured phase (default by size: 20, 5, 0.4)
 *   --seed S          seed of all generated data (default 42)
 *   --node-jar PATH   the built node (default: node/target/hearth-node.jar beside this module)
 *   --work DIR        keep data folders and process logs there (default: a temporary folder, deleted)
 *   --list            list the benchmarks and exit
 * </pre>
 *
 * @param names       benchmarks to run, empty for all
 * @param size        how big a run
 * @param connections load generator connections
 * @param seconds     measured phase length in seconds, or 0 for the size's default
 * @param seed        seed of generated data
 * @param nodeJar     the node jar, or null to look for it
 * @param work        folder for data and logs, or null for a temporary one
 * @param list        only list the benchmarks
 */
record SuiteOptions(List<String> names, Size size, int connections, double seconds, long seed, Path nodeJar,
                    Path work, boolean list) {

    static final String USAGE = "usage: hearth bench [NAME ...] [--quick | --tiny] [--connections N] [--seconds S]"
            + " [--seed S] [--node-jar PATH] [--work DIR] [--list]";

    SuiteOptions {
        names = List.copyOf(names);
        if (connections < 1 || seconds < 0) {
            throw new IllegalArgumentException("--connections must be positive and --seconds not negative\n" + USAGE);
        }
    }

    static SuiteOptions parse(String... args) {
        List<String> names = new ArrayList<>();
        Size size = Size.FULL;
        int connections = 16;
        double seconds = 0;
        long seed = 42;
        Path nodeJar = null;
        Path work = null;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> size = Size.QUICK;
                case "--tiny" -> size = Size.TINY;
                case "--connections" -> connections = Integer.parseInt(value(args, ++i));
                case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--node-jar" -> nodeJar = Path.of(value(args, ++i));
                case "--work" -> work = Path.of(value(args, ++i));
                case "--list", "--help", "-h" -> list = true;
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                    }
                    names.add(args[i]);
                }
            }
        }
        return new SuiteOptions(names, size, connections, seconds, seed, nodeJar, work, list);
    }

    Duration warmup() {
        return size.pick(Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    Duration measure() {
        return seconds > 0 ? Duration.ofMillis((long) (seconds * 1000))
                : size.pick(Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    /**
     * The node jar: the one given, else {@code node/target/hearth-node.jar} found from the
     * {@code hearth.nodeJar} property, from this module's jar, or from the working directory.
     */
    Path resolveNodeJar(Path benchCode) {
        List<Path> candidates = new ArrayList<>();
        if (nodeJar != null) {
            candidates.add(nodeJar);
        } else {
            String property = System.getProperty("hearth.nodeJar");
            if (property != null) {
                candidates.add(Path.of(property));
            }
            if (benchCode != null && benchCode.getParent() != null && benchCode.getParent().getParent() != null) {
                // bench/target/hearth-bench.jar (or bench/target/classes) -> node/target/hearth-node.jar
                candidates.add(benchCode.getParent().getParent().resolveSibling("node/target/hearth-node.jar"));
            }
            candidates.add(Path.of("node/target/hearth-node.jar"));
            candidates.add(Path.of("../node/target/hearth-node.jar"));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalArgumentException("the node is not built (looked for " + candidates
                + "); build it with ./hearth build, or give --node-jar PATH");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value for " + args[i - 1] + "\n" + USAGE);
        }
        return args[i];
    }
}
