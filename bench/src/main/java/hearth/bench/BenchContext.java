package hearth.bench;

import hearth.bench.process.Processes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * What a benchmark runs with: its size, where it prints, the seed of its data, the load
 * generator's settings, and the child processes it may start (a node, the ceiling server),
 * which are all stopped when the benchmark ends.
 *
 * @param size        how big a run
 * @param out         where figures go; the benchmark's last line there is its JSON object
 * @param seed        seed of every generated text and choice
 * @param connections connections the load generator keeps open, one request in flight on each
 * @param warmup      closed-loop load before anything is measured
 * @param measure     how long each measured phase lasts
 * @param processes   starts the node and helper processes; stopped by the suite afterwards
 */
public record BenchContext(Size size, PrintStream out, long seed, int connections, Duration warmup,
                           Duration measure, Processes processes) {

    public BenchContext {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(processes, "processes");
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be positive");
        }
        if (warmup.isNegative() || measure.isNegative() || measure.isZero()) {
            throw new IllegalArgumentException("warm-up must not be negative and the measured time must be positive");
        }
    }

    /** Prints one line, formatted with {@link String#format} in the root locale. */
    public void say(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
    }
}
