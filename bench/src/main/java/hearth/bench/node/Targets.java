package hearth.bench.node;

import hearth.bench.BenchContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets for a benchmark, each reported as met or not met with the figure
 * measured. Not thread-safe.
 */
final class Targets {

    private final List<String> lines = new ArrayList<>();
    private boolean met = true;

    /** A figure that should be at least {@code target}; {@code unit} is appended as is, e.g. " ms" or "". */
    Targets atLeast(String what, double value, double target, String unit) {
        return add(value >= target, what + " at least " + number(target) + unit + ": " + number(value) + unit);
    }

    /** A figure that should be at most {@code target}. */
    Targets atMost(String what, double value, double target, String unit) {
        return add(value <= target, what + " at most " + number(target) + unit + ": " + number(value) + unit);
    }

    private Targets add(boolean ok, String line) {
        met &= ok;
        lines.add((ok ? "met      " : "NOT MET  ") + line);
        return this;
    }

    /** Whole numbers from 100 up, two decimals below. */
    private static String number(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.2f", value);
    }

    boolean met() {
        return met;
    }

    void print(BenchContext context, String note) {
        context.say("targets%s:", note.isEmpty() ? "" : " (" + note + ")");
        lines.forEach(line -> context.say("  %s", line));
    }
}
