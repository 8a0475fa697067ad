package hearth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine a benchmark ran on, as one line: cores, memory, CPU model, JDK, OS, and the
 * load average when it started (figures from a busy machine are worth less). Thread-safe.
 */
public final class Machine {

    private Machine() {
    }

    /** E.g. "machine: 2 cores (AMD EPYC 7B13), 23.5 GB RAM, JDK 25.0.1+8 (OpenJDK 64-Bit Server VM), Linux 6.1 amd64, load 0.40". */
    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: %d cores%s, %s RAM, JDK %s (%s), %s %s %s, load average %s",
                runtime.availableProcessors(), cpuModel(), memory(), jdk(), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                loadAverage());
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The JDK's runtime version, e.g. "25.0.1+8-LTS". */
    public static String jdk() {
        return System.getProperty("java.runtime.version");
    }

    private static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return " (" + line.substring(line.indexOf(':') + 1).strip() + ")";
            }
        }
        return "";
    }

    private static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.1f GB", kb / (1024.0 * 1024.0));
            }
        }
        return "? GB";
    }

    /** The one-minute load average now, or -1 where the system does not say. */
    public static double oneMinuteLoad() {
        var lines = lines("/proc/loadavg");
        try {
            return lines.isEmpty() ? -1 : Double.parseDouble(lines.get(0).split(" ")[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        var lines = lines("/proc/loadavg");
        return lines.isEmpty() ? "?" : String.join(" ", java.util.Arrays.asList(lines.get(0).split(" ")).subList(0, 3));
    }

    private static java.util.List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return java.util.List.of();
        }
    }
}
