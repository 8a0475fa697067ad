package hearth.bench;

import java.nio.file.Path;

/**
 * The benchmark's command line.
 *
 * <pre>
 *   --posts N     posts to index (default 1,000,000)
 *   --quick       20,000 posts and fewer queries
 *   --queries N   timed queries (default 5,000; as many again are run first to warm up)
 *   --seed S      seed of the corpus and the queries (default 42)
 *   --threads N   indexing threads (default: the number of cores)
 *   --dir PATH    where to build the index (kept); default a temporary folder, deleted after
 * </pre>
 *
 * @param posts   posts to index
 * @param queries timed queries
 * @param seed    seed of the corpus and the queries
 * @param threads indexing threads
 * @param dir     where to build the index, or {@code null} for a temporary folder
 */
record BenchOptions(int posts, int queries, long seed, int threads, Path dir) {

    static final String USAGE =
            "usage: SearchBench [--posts N | --quick] [--queries N] [--seed S] [--threads N] [--dir PATH]";

    BenchOptions {
        if (posts < 1 || queries < 1 || threads < 1) {
            throw new IllegalArgumentException("posts, queries and threads must be positive");
        }
    }

    static BenchOptions parse(String... args) {
        int posts = 1_000_000;
        int queries = 5_000;
        long seed = 42;
        int threads = Runtime.getRuntime().availableProcessors();
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--posts" -> posts = Integer.parseInt(value(args, ++i));
                case "--quick" -> {
                    posts = 20_000;
                    queries = 2_000;
                }
                case "--queries" -> queries = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                case "--dir" -> dir = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new BenchOptions(posts, queries, seed, threads, dir);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value for " + args[i - 1] + "\n" + USAGE);
        }
        return args[i];
    }
}
