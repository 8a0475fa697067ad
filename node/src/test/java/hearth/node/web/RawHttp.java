package hearth.node.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 written byte by byte on a socket, for requests no well-behaved client would send:
 * raw bytes in the request line, a forged {@code Host}, a body longer than its promise. Every read
 * is bounded, so a hung connection fails the test instead of hanging it. Static, no state.
 */
final class RawHttp {

    /** A response as it came off the wire; {@code timedOut} when the node stopped answering. */
    record Response(int status, List<String> headers, String body, boolean timedOut) {

        List<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).toList();
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
    static Response send(int port, byte[] head, byte[] body, int timeoutMillis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // The node may answer and close before reading a body it refuses: read its answer.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response get(int port, String target, String... headerLines) {
        StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close");
        for (String line : headerLines) {
            head.append("\r\n").append(line);
        }
        return send(port, head.toString().getBytes(StandardCharsets.ISO_8859_1), new byte[0], 15_000);
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        boolean timedOut = false;
        try {
            for (int n; (n = in.read(chunk)) > 0; ) {
                all.write(chunk, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            timedOut = true;
        } catch (IOException reset) {
            // A reset after the answer was sent still leaves the answer to look at.
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Response(0, List.of(), text, timedOut);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        return new Response(status, headers, text.substring(end + 4), timedOut);
    }

    /** True once the headers and a Content-Length body (or a final chunk) have arrived. */
    private static boolean complete(String soFar) {
        int end = soFar.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = soFar.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at >= 0) {
            int stop = head.indexOf("\r\n", at);
            long length = Long.parseLong(head.substring(at + 15, stop < 0 ? head.length() : stop).strip());
            return soFar.getBytes(StandardCharsets.ISO_8859_1).length - end - 4 >= length;
        }
        return head.contains("transfer-encoding: chunked") && soFar.endsWith("0\r\n\r\n");
    }
}
