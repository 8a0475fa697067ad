package hearth.bench.process;

import hearth.bench.http.HttpConnection;
import hearth.bench.http.Requests;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A Hearth node running in its own process on loopback, started from its jar the way
 * {@code ./hearth start} starts it. Get one from {@link Processes#startNode}. Thread-safe.
 */
public final class NodeProcess {

    private final ChildProcess process;
    private final int port;
    private final Path data;

    NodeProcess(ChildProcess process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    public int port() {
        return port;
    }

    /** The Host header for requests: "127.0.0.1:PORT". */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public Path data() {
        return data;
    }

    public ChildProcess process() {
        return process;
    }

    /**
     * Polls {@code /healthz} every few milliseconds until it answers 200.
     *
     * @return the time from launching the process to that answer
     */
    public Duration awaitHealthy(Duration timeout) {
        return awaitAnswer(process, port, "/healthz", timeout);
    }

    public long rssKb() {
        return process.rssKb();
    }

    public double cpuSeconds() {
        return process.cpuSeconds();
    }

    /** Stops the node cleanly (SIGTERM): it finishes requests, commits its index and closes the database. */
    public void stop() {
        process.stop();
    }

    /** Polls {@code path} on loopback until it answers 200; returns the time since the process was launched. */
    static Duration awaitAnswer(ChildProcess process, int port, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] request = Requests.get("127.0.0.1:" + port, path, null);
        while (true) {
            try (HttpConnection connection = new HttpConnection("127.0.0.1", port)) {
                if (connection.exchange(request, false).status() == 200) {
                    return Duration.ofNanos(System.nanoTime() - process.launchedAtNanos());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited while starting\n" + process.logTail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(process.name() + " did not answer " + path + " within "
                        + timeout.toSeconds() + " s\n" + process.logTail(30));
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
