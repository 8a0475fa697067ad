package hearth.bench.process;

import hearth.bench.http.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The ceiling: a bare Vert.x server ({@code hearth.bench.ceiling.FixedPageServer}) in its own
 * process that answers one path with fixed bytes from memory. Start it early with
 * {@link Processes#startCeiling()} (its JVM boots while the node is seeded), then hand it the
 * page with {@link #serve}. Not thread-safe.
 */
public final class CeilingServer {

    /** Headers the server sets itself; everything else the node sent is copied. */
    private static final Set<String> OWN_HEADERS = Set.of("content-length", "transfer-encoding", "connection", "date");

    private final ChildProcess process;
    private final int port;

    CeilingServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    /**
     * Serves {@code page} (its body and the node's headers) at {@code path}; returns once the
     * server answers there.
     */
    public void serve(String path, HttpResponse page) throws IOException {
        try (OutputStream in = process.stdin()) {
            StringBuilder head = new StringBuilder(path).append('\n');
            for (String[] header : page.pairs()) {
                if (!OWN_HEADERS.contains(header[0].toLowerCase(Locale.ROOT))) {
                    head.append(header[0]).append(": ").append(header[1]).append('\n');
                }
            }
            in.write(head.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            in.write(page.body());
        }
        NodeProcess.awaitAnswer(process, port, path, Duration.ofSeconds(60));
    }
}
