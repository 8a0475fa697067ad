package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Json;
import hearth.federation.object.ActorType;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server that follows a circle and then fails to take what the circle sends it, in one of the
 * ways real servers fail ({@link Kind}). It speaks HTTP by hand over a socket, because some of
 * the failures (bytes that are not HTTP, a body without end) are not something an HTTP server
 * library will send. It serves its actor's document normally, so the follow itself works;
 * only its inbox misbehaves. Every request that reaches the inbox is noted, with when it came.
 *
 * <p>Each receiver listens on an address of its own (127.0.0.2, 127.0.0.3 ... are all loopback
 * on Linux), so the node sees a different host for each. Thread-safe.
 */
final class FaultyReceiver implements AutoCloseable {

    /** How the inbox answers a delivery. */
    enum Kind {
        /** 202 at once: the control. */
        HEALTHY,
        /** Serves the follow, then closes its port for good: every connection is refused. */
        DOWN,
        /** Answers 202 after 30 s. */
        SLOW,
        /** Reads the request and never answers. */
        SILENT,
        /** 500 every time. */
        ERROR_500,
        /** 500 for the first two attempts at each activity, then 202: a server that recovers. */
        RECOVERING,
        /** 200 with a body of random bytes. */
        JUNK_200,
        /** Random bytes instead of an HTTP answer, then closes. */
        NOT_HTTP,
        /** 302 to its own inbox, every time. */
        REDIRECT_LOOP,
        /** 200 and a chunked body that never ends. */
        ENDLESS_BODY,
        /** 200 and a body of one byte a second: never idle, never done. */
        TRICKLE
    }

    /** A request that reached the inbox: when (epoch millis), which activity, and the body as it came. */
    record Arrival(long at, String activityId, String type, String body) {
    }

    /** Stops a body without end even if the node never cuts it off, so the test stays bounded. */
    static final long SAFETY_CAP = 256L << 20;

    final Kind kind;
    final FakeActor actor;
    private final ServerSocket server;
    private final URI base;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> tries = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong bodyBytesSent = new AtomicLong();
    private final AtomicInteger hangUps = new AtomicInteger();
    private final AtomicInteger lateAnswers = new AtomicInteger();
    private volatile boolean closed;

    private FaultyReceiver(Kind kind, ServerSocket server) {
        this.kind = kind;
        this.server = server;
        this.base = URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
        this.actor = FakeActor.create(base, "follower", ActorType.PERSON, "Follower " + kind);
        Thread.ofVirtual().name("faulty-accept").start(this::accept);
    }

    /** A receiver of {@code kind} listening on {@code 127.0.0.<lastOctet>}. */
    static FaultyReceiver start(Kind kind, int lastOctet) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastOctet}), 0));
            return new FaultyReceiver(kind, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String host() {
        return base.getHost() + ":" + base.getPort();
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The arrivals of each activity, by activity id. */
    Map<String, List<Long>> arrivalTimes() {
        Map<String, List<Long>> times = new TreeMap<>();
        for (Arrival a : arrivals) {
            times.computeIfAbsent(a.activityId(), id -> new CopyOnWriteArrayList<>()).add(a.at());
        }
        return times;
    }

    /** How many times the node hung up while this receiver was keeping it waiting (slow and silent kinds). */
    int hangUps() {
        return hangUps.get();
    }

    /** How many times a slow receiver got to answer after its 30 s. */
    int lateAnswers() {
        return lateAnswers.get();
    }

    /** How many body bytes this receiver managed to send (for the endless and trickling kinds). */
    long bodyBytesSent() {
        return bodyBytesSent.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().name("faulty-" + kind).start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            while (!closed) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new TreeMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    if (colon > 0) {
                        headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                                header.substring(colon + 1).strip());
                    }
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                String[] parts = requestLine.split(" ");
                if (!answer(parts[0], parts.length > 1 ? parts[1] : "/", body, socket, in, out)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The node hung up (as it should, past its limits) or the receiver was closed.
        } finally {
            open.remove(socket);
        }
    }

    /** Answers one request; false when the connection is finished. */
    private boolean answer(String method, String path, byte[] body, Socket socket, InputStream in, OutputStream out)
            throws IOException {
        if (method.equals("GET") && path.equals(actor.id().getRawPath())) {
            byte[] document = Json.bytes(actor.document());
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/activity+json\r\nContent-Length: "
                    + document.length + "\r\n\r\n", document);
            if (kind == Kind.DOWN) {
                close();
                return false;
            }
            return true;
        }
        if (!method.equals("POST") || !path.equals(actor.inbox().getRawPath())) {
            write(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", new byte[0]);
            return true;
        }
        ObjectNode activity = parse(body);
        String id = activity == null ? "?" : activity.path("id").asText();
        arrivals.add(new Arrival(System.currentTimeMillis(), id, activity == null ? "?" : activity.path("type").asText(),
                new String(body, StandardCharsets.UTF_8)));
        return switch (kind) {
            case HEALTHY -> accepted(out);
            case DOWN -> false;
            case SLOW -> {
                // Waits 30 s, or less if the node hangs up first (then there is no one to answer).
                socket.setSoTimeout(30_000);
                try {
                    if (in.read() == -1) {
                        hangUps.incrementAndGet();
                        yield false;
                    }
                    yield accepted(out);
                } catch (java.net.SocketTimeoutException late) {
                    lateAnswers.incrementAndGet();
                    yield accepted(out);
                } catch (IOException reset) {
                    hangUps.incrementAndGet();
                    yield false;
                }
            }
            case SILENT -> {
                try {
                    while (in.read() != -1) {
                        // Reads whatever comes and never answers, until the node hangs up.
                    }
                } catch (IOException reset) {
                    // The node reset the connection: that is hanging up too.
                }
                hangUps.incrementAndGet();
                yield false;
            }
            case ERROR_500 -> serverError(out);
            case RECOVERING -> tries.merge(id, 1, Integer::sum) <= 2 ? serverError(out) : accepted(out);
            case JUNK_200 -> {
                byte[] junk = junk(4096);
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + junk.length + "\r\n\r\n",
                        junk);
                yield true;
            }
            case NOT_HTTP -> {
                write(out, "", junk(4096));
                yield false;
            }
            case REDIRECT_LOOP -> {
                write(out, "HTTP/1.1 302 Found\r\nLocation: " + actor.inbox() + "\r\nContent-Length: 0\r\n\r\n",
                        new byte[0]);
                yield true;
            }
            case ENDLESS_BODY -> stream(out, 16 * 1024, 0);
            case TRICKLE -> stream(out, 1, 1_000);
        };
    }

    private boolean accepted(OutputStream out) throws IOException {
        write(out, "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n", new byte[0]);
        return true;
    }

    private boolean serverError(OutputStream out) throws IOException {
        byte[] text = "something went wrong\n".getBytes(StandardCharsets.US_ASCII);
        write(out, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: "
                + text.length + "\r\n\r\n", text);
        return true;
    }

    /** A chunked 200 whose chunks of {@code size} bytes go on until the node hangs up. */
    private boolean stream(OutputStream out, int size, long pauseMillis) throws IOException {
        write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/activity+json\r\nTransfer-Encoding: chunked\r\n\r\n",
                new byte[0]);
        byte[] chunk = new byte[size];
        Arrays.fill(chunk, (byte) ' ');
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n".getBytes(StandardCharsets.US_ASCII);
        for (long sent = 0; !closed && sent < SAFETY_CAP; sent += size) {
            out.write(head);
            out.write(chunk);
            out.write(tail);
            out.flush();
            bodyBytesSent.addAndGet(size);
            if (pauseMillis > 0) {
                sleep(pauseMillis);
            }
        }
        return false;
    }

    private static void write(OutputStream out, String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static byte[] junk(int size) {
        byte[] junk = new byte[size];
        new java.util.Random(size).nextBytes(junk);
        junk[0] = 0;
        return junk;
    }

    private static ObjectNode parse(byte[] body) {
        try {
            return Json.parseObject(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** One CRLF-ended line, or null at the end of the stream; at most 8 KiB. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() > 8192) {
                throw new IOException("line too long");
            }
            line.write(b);
        }
        return null;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}
