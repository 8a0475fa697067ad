package hearth.node.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real fediverse server for interop tests: the Fedify peer ({@code src/test/fedify/peer.mjs})
 * running as a child process, with one Person actor that follows Hearth circles and replies to
 * their threads. Commands go to its stdin and events come back from its stdout, one JSON object
 * a line; {@code peer.mjs} lists them all.
 *
 * <pre>{@code
 * try (FedifyPeer peer = FedifyPeer.start(port)) {
 *     peer.send(Map.of("cmd", "follow", "handle", "perinatal@127.0.0.1:" + nodePort));
 *     JsonNode accept = peer.awaitEvent("accept", Duration.ofSeconds(20));
 *     JsonNode announce = peer.awaitEvent("announce", Duration.ofSeconds(20));
 *     peer.send(Map.of("cmd", "reply", "inReplyTo", ..., "audience", ..., "content", "<p>hi</p>"));
 *     peer.awaitEvent("sent", Duration.ofSeconds(20));
 * }
 * }</pre>
 *
 * <p>The first start installs the peer under {@code target/fedify/} with {@code npm ci} (Fedify
 * and a Node 22 binary from the npm registry; see {@link FedifyInstall}). Events arrive in
 * whatever order the network gives them; {@link #awaitEvent} keeps the ones it skips, so waiting
 * for "following" after "accept" arrived first still works. {@link #send} and {@link #awaitEvent}
 * may be called from different threads; each serialises its own callers.
 */
public final class FedifyPeer implements AutoCloseable {

    /** How long the peer may take from launch to its "ready" event. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger LAUNCHES = new AtomicInteger();
    /** Put on the queue when stdout ends, so a waiter learns at once that nothing more will come. */
    private static final JsonNode END = JSON.createObjectNode().put("event", "(end of output)");

    private final Process process;
    private final Writer stdin;
    private final Path stderrLog;
    private final BlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
    private final List<JsonNode> skipped = new ArrayList<>();
    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();
    private boolean ended;
    private String actor;

    private FedifyPeer(Process process, Path stderrLog) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stderrLog = stderrLog;
        Thread reader = new Thread(this::readEvents, "fedify-peer-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Installs the peer if needed, starts it on {@code 127.0.0.1:port} and returns once it said
     * "ready".
     *
     * @throws IllegalStateException if npm is missing, the install fails, or the peer does not
     *     become ready within {@link #READY_TIMEOUT}; the message carries the relevant log
     */
    public static FedifyPeer start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        Path dir = FedifyInstall.ensureInstalled();
        Path stderrLog = dir.resolveSibling("fedify-peer-" + port + "-" + ProcessHandle.current().pid() + "-"
                + LAUNCHES.incrementAndGet() + ".stderr.log");
        Process process;
        try {
            process = new ProcessBuilder(FedifyInstall.nodeBinary(dir).toString(), "peer.mjs", "--port", Integer.toString(port))
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.to(stderrLog.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the Fedify peer in " + dir, e);
        }
        FedifyPeer peer = new FedifyPeer(process, stderrLog);
        try {
            peer.actor = peer.awaitEvent("ready", READY_TIMEOUT).path("actor").asText();
        } catch (RuntimeException | Error e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /** The peer's Person actor, {@code http://127.0.0.1:<port>/users/alice}. */
    public String actorId() {
        return actor;
    }

    /** Sends one command, e.g. {@code Map.of("cmd", "follow", "handle", "perinatal@127.0.0.1:8081")}. */
    public void send(Map<String, ?> command) {
        Objects.requireNonNull(command, "command");
        try {
            send(JSON.writeValueAsString(command));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the command as JSON: " + command, e);
        }
    }

    /** Sends one command given as a JSON object on a single line. */
    public synchronized void send(String json) {
        Objects.requireNonNull(json, "json");
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a command must be one line: " + json);
        }
        try {
            stdin.write(json);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot send to the Fedify peer (alive: " + process.isAlive()
                    + "); its stderr:\n" + stderrText(), e);
        }
    }

    /**
     * Waits for the next event called {@code name} (its "event" field) that no earlier call took,
     * and returns it.
     *
     * @throws IllegalStateException if it has not come within {@code timeout}, or the peer's
     *     output ended first; the message lists the events seen and the peer's stderr
     */
    public synchronized JsonNode awaitEvent(String name, Duration timeout) {
        Objects.requireNonNull(name, "name");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                for (Iterator<JsonNode> it = skipped.iterator(); it.hasNext(); ) {
                    JsonNode event = it.next();
                    if (name.equals(event.path("event").asText())) {
                        it.remove();
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new IllegalStateException("no \"" + name + "\" event from the Fedify peer "
                            + (ended ? "before its output ended (alive: " + process.isAlive() + ")" : "within " + timeout)
                            + "\nevents seen: " + seen + "\nits stderr (" + stderrLog + "):\n" + stderrTail());
                }
                JsonNode next = incoming.poll(left, TimeUnit.NANOSECONDS);
                if (next == END) {
                    ended = true;
                } else if (next != null) {
                    skipped.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for \"" + name + "\"", e);
        }
    }

    /** Every event the peer has written so far, in order, taken or not. */
    public List<JsonNode> events() {
        return List.copyOf(seen);
    }

    /** Everything the peer wrote to stderr so far (Fedify's log). */
    public String stderrText() {
        try {
            return Files.exists(stderrLog) ? Files.readString(stderrLog) : "";
        } catch (IOException e) {
            return "(cannot read " + stderrLog + ": " + e + ")";
        }
    }

    /** Where the peer's stderr goes. */
    public Path stderrLog() {
        return stderrLog;
    }

    /** Asks the peer to quit, and kills it if it has not within a few seconds. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                send("{\"cmd\":\"quit\"}");
                process.waitFor(QUIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IllegalStateException alreadyGone) {
                // stdin closed under us: the process is on its way out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(QUIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readEvents() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = parse(line);
                seen.add(event);
                incoming.add(event);
            }
        } catch (IOException closed) {
            // the process is gone; END below tells the waiters
        } finally {
            incoming.add(END);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            // Something other than the protocol reached stdout; keep it visible, never silent.
            ObjectNode odd = JSON.createObjectNode();
            odd.put("event", "stdout");
            odd.put("line", line);
            return odd;
        }
    }

    private String stderrTail() {
        String text = stderrText();
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }
}
