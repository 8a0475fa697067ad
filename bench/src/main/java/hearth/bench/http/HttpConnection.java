package hearth.bench.http;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/**
 * A minimal blocking HTTP/1.1 client connection with keep-alive: one request at a time,
 * requests given as ready-made bytes ({@link Requests}), responses read with
 * {@code Content-Length} or chunked bodies. Small and allocation-light so that a load
 * generator on the same machine takes little CPU from the server it measures.
 *
 * <pre>{@code
 * try (HttpConnection c = new HttpConnection("127.0.0.1", 8080)) {
 *     HttpResponse r = c.exchange(Requests.get("127.0.0.1:8080", "/healthz", null), true);
 * }
 * }</pre>
 *
 * <p>Connects on first use and again after the server closes. Not thread-safe: one thread
 * per connection.
 */
public final class HttpConnection implements Closeable {

    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final InetSocketAddress address;
    private final byte[] buf = new byte[64 * 1024];
    private int start;
    private int end;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public HttpConnection(String host, int port) {
        this.address = new InetSocketAddress(host, port);
    }

    /**
     * Sends one request and reads its whole response.
     *
     * @param request  the request's bytes
     * @param keepBody whether to return the body; if false it is read and dropped
     * @throws IOException if the connection fails; it is then closed, and the next call reconnects
     */
    public HttpResponse exchange(byte[] request, boolean keepBody) throws IOException {
        try {
            if (socket == null) {
                open();
            }
            out.write(request);
            out.flush();
            return read(keepBody);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.connect(address, 5_000);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        start = 0;
        end = 0;
    }

    private HttpResponse read(boolean keepBody) throws IOException {
        int headEnd = headerEnd();
        if (headEnd - start < 12 || buf[start] != 'H' || buf[start + 8] != ' ') {
            throw new IOException("not an HTTP/1.1 response");
        }
        int status = (buf[start + 9] - '0') * 100 + (buf[start + 10] - '0') * 10 + (buf[start + 11] - '0');
        int lineEnd = indexOf(start, headEnd + 2, (byte) '\r');
        byte[] head = Arrays.copyOfRange(buf, lineEnd + 2, headEnd + 2);
        start = headEnd + 4;

        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        int line = 0;
        while (line < head.length) {
            int next = indexOf(head, line, (byte) '\r');
            if (startsWithIgnoreCase(head, line, "content-length:")) {
                length = Long.parseLong(value(head, line, next, 15));
            } else if (startsWithIgnoreCase(head, line, "transfer-encoding:")) {
                chunked = value(head, line, next, 18).toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (startsWithIgnoreCase(head, line, "connection:")) {
                closeAfter = value(head, line, next, 11).equalsIgnoreCase("close");
            }
            line = next + 2;
        }

        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (status / 100 == 1 || status == 204 || status == 304) {
            // no body
        } else if (chunked) {
            readChunked(body);
        } else if (length >= 0) {
            copy(length, body);
        } else {
            readToEnd(body);
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new HttpResponse(status, head, body == null ? new byte[0] : body.toByteArray());
    }

    /** Index of the "\r\n\r\n" ending the header block, reading more as needed. */
    private int headerEnd() throws IOException {
        while (true) {
            for (int i = start; i + 3 < end; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                    return i;
                }
            }
            fill();
        }
    }

    private void readChunked(ByteArrayOutputStream body) throws IOException {
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers are dropped
                }
                return;
            }
            copy(size, body);
            readLine();
        }
    }

    private String readLine() throws IOException {
        while (true) {
            for (int i = start; i + 1 < end; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    String line = new String(buf, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1);
                    start = i + 2;
                    return line;
                }
            }
            fill();
        }
    }

    private void copy(long remaining, ByteArrayOutputStream sink) throws IOException {
        while (remaining > 0) {
            if (start == end) {
                start = 0;
                end = 0;
                fill();
            }
            int take = (int) Math.min(remaining, end - start);
            if (sink != null) {
                sink.write(buf, start, take);
            }
            start += take;
            remaining -= take;
        }
    }

    private void readToEnd(ByteArrayOutputStream sink) throws IOException {
        while (true) {
            if (sink != null) {
                sink.write(buf, start, end - start);
            }
            start = 0;
            end = 0;
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return;
            }
            end = n;
        }
    }

    /** Reads at least one more byte into the buffer, moving unread bytes to the front when it is full. */
    private void fill() throws IOException {
        if (end == buf.length) {
            if (start == 0) {
                throw new IOException("response header larger than " + buf.length + " bytes");
            }
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        end += n;
    }

    private static int indexOf(byte[] bytes, int from, byte b) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private int indexOf(int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return to;
    }

    private static boolean startsWithIgnoreCase(byte[] bytes, int at, String prefix) {
        if (at + prefix.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) bytes[at + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String value(byte[] head, int line, int lineEnd, int nameLength) {
        return new String(head, line + nameLength, lineEnd - line - nameLength,
                java.nio.charset.StandardCharsets.ISO_8859_1).strip();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            } finally {
                socket = null;
                in = null;
                out = null;
            }
        }
    }
}
