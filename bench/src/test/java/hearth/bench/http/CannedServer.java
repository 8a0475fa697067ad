package hearth.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers each GET with the next canned response, byte for byte, so
 * tests can send what a well-behaved library never would (a body cut short, no length).
 * A response text ending in "#close" is sent without that marker and the connection closed.
 */
final class CannedServer implements AutoCloseable {

    private final ServerSocket server;
    private final ConcurrentLinkedQueue<String> responses;
    final AtomicInteger connections = new AtomicInteger();

    CannedServer(List<String> responses) throws IOException {
        this.responses = new ConcurrentLinkedQueue<>(responses);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread.ofPlatform().daemon().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            while (readHead(in)) {
                String response = responses.poll();
                if (response == null) {
                    return;
                }
                boolean close = response.endsWith("#close");
                socket.getOutputStream().write(response.replace("#close", "").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** Reads one request head; false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
