package hearth.bench.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process the benchmark started: its output goes to a log file, and its memory and CPU
 * are read from {@code /proc}. Only {@link Processes} makes these, and it stops each one it
 * started when the benchmark ends. Thread-safe.
 */
public final class ChildProcess {

    /** Linux reports CPU time in /proc in ticks of 1/100 s (USER_HZ) on every common architecture. */
    private static final double TICKS_PER_SECOND = 100;

    private final String name;
    private final Process process;
    private final Path log;
    private final long launchedAt;

    private ChildProcess(String name, Process process, Path log, long launchedAt) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    static ChildProcess start(String name, List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long launchedAt = System.nanoTime();
        return new ChildProcess(name, builder.start(), log, launchedAt);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} just before the process was launched. */
    public long launchedAtNanos() {
        return launchedAt;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The process's standard input (closed by the caller when done). */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Resident memory (VmRSS) in kB. */
    public long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the memory of " + name + " (pid " + pid() + "): " + e, e);
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /** User plus system CPU time used so far, in seconds. */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            // Fields after the command name, which may itself hold spaces and ends with ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Waits for the process to end on its own; returns its exit code. */
    public int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop();
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s\n" + logTail(20));
        }
        return process.exitValue();
    }

    /** Asks the process to stop (SIGTERM, so the node shuts down cleanly), and kills it if it does not. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the process's output, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + log + ")";
        }
    }
}
