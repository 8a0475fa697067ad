package hearth.bench;

import hearth.bench.process.Processes;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./hearth bench [NAME ...] [--quick]}: runs benchmarks of the {@link Suite}, each
 * printing its figures and, as its last line, one JSON object.
 *
 * <pre>
 * java -jar bench/target/hearth-bench.jar thread-page --quick
 * </pre>
 *
 * <p>The node runs as a separate process started from its jar, with the JVM options in
 * {@code HEARTH_JAVA_OPTS} as {@code ./hearth start} would use them. Single-use, not thread-safe.
 */
public final class Bench {

    private final SuiteOptions options;
    private final PrintStream out;

    Bench(SuiteOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        SuiteOptions options;
        try {
            options = SuiteOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int failed;
        try {
            failed = new Bench(options, System.out).run();
        } catch (IllegalArgumentException e) {
            System.err.println("hearth bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs the chosen benchmarks; returns how many failed. */
    int run() {
        if (options.list()) {
            out.println(SuiteOptions.USAGE);
            Suite.all().forEach(b -> out.printf("  %-12s %s%n", b.name(), b.about()));
            return 0;
        }
        List<Benchmark> chosen = choose();
        Path work = options.work();
        boolean temporary = work == null;
        int failed = 0;
        try {
            work = temporary ? Files.createTempDirectory("hearth-bench-") : Files.createDirectories(work);
            for (int i = 0; i < chosen.size(); i++) {
                if (i > 0) {
                    out.println(); // nothing after a benchmark's JSON line: `| tail -1` gives it
                }
                failed += runOne(chosen.get(i), work.resolve(chosen.get(i).name())) ? 0 : 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary && work != null) {
                deleteQuietly(work);
            }
        }
        return failed;
    }

    private List<Benchmark> choose() {
        if (options.names().isEmpty()) {
            return Suite.all();
        }
        List<Benchmark> chosen = new ArrayList<>();
        for (String name : options.names()) {
            chosen.add(Suite.named(name).orElseThrow(() -> new IllegalArgumentException("no benchmark named '"
                    + name + "'; there are: " + String.join(", ", Suite.all().stream().map(Benchmark::name).toList()))));
        }
        return chosen;
    }

    private boolean runOne(Benchmark benchmark, Path work) {
        out.printf("== %s (%s): %s ==%n", benchmark.name(), options.size().label(), benchmark.about());
        try (Processes processes = new Processes(() -> options.resolveNodeJar(benchCode()), work)) {
            benchmark.runner().run(new BenchContext(options.size(), out, options.seed(), options.connections(),
                    options.warmup(), options.measure(), processes));
            return true;
        } catch (Exception e) {
            out.flush();
            System.err.println("hearth bench: " + benchmark.name() + " failed: " + e);
            e.printStackTrace();
            return false;
        }
    }

    /** This module's jar (or classes folder), from which the node's jar is found. */
    private static Path benchCode() {
        try {
            return Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("hearth bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
