package hearth.bench;

import java.util.Locale;

/**
 * How big a benchmark run is: {@link #FULL} gives the published figures, {@link #QUICK}
 * (the {@code --quick} option) finishes each benchmark well within a minute, and
 * {@link #TINY} only proves that a benchmark still runs (the build's smoke test).
 */
public enum Size {
    TINY, QUICK, FULL;

    /** One of three values, by size: {@code size.pick(2_000, 20_000, 1_000_000)}. */
    public <T> T pick(T tiny, T quick, T full) {
        return switch (this) {
            case TINY -> tiny;
            case QUICK -> quick;
            case FULL -> full;
        };
    }

    /** The name printed and put in the JSON line: "tiny", "quick" or "full". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
