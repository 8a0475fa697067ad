package hearth.node.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lengths of time an operator writes in the configuration: a number and a unit,
 * {@code 200ms}, {@code 30s}, {@code 5m}, {@code 6h} or {@code 5d} (a fraction such as
 * {@code 1.5s} is allowed). A bare number is refused, because "30" could mean anything.
 * Stateless and thread-safe.
 */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * The length {@code text} names.
     *
     * @param setting the setting's name, for the message an operator reads
     * @throws IllegalArgumentException when {@code text} is not a number and a unit
     */
    public static Duration parse(String text, String setting) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(setting + " is a number and a unit (ms, s, m, h or d), such as 30s;"
                    + " got: " + text);
        }
        double millisPerUnit = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
        };
        return Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * millisPerUnit));
    }
}
