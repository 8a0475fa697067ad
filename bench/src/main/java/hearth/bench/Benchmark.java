package hearth.bench;

import java.util.Objects;

/**
 * One benchmark of the suite: its name on the command line, a one-line description, and
 * what runs it. A runner prints its figures and the machine to {@link BenchContext#out()}
 * and, as its last line, one JSON object whose {@code "bench"} is the benchmark's name.
 *
 * @param name   the name given to {@code ./hearth bench NAME}
 * @param about  one line saying what is measured
 * @param runner the benchmark itself
 */
public record Benchmark(String name, String about, Runner runner) {

    /** Runs one benchmark at the context's size. */
    @FunctionalInterface
    public interface Runner {
        void run(BenchContext context) throws Exception;
    }

    public Benchmark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(runner, "runner");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a benchmark name is lower-case words joined by '-': " + name);
        }
    }
}
