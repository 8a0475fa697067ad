package hearth.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    private static final byte[] GET = Requests.get("127.0.0.1", "/", null);

    @Test
    void readsAContentLengthBodyAndKeepsTheConnection() throws Exception {
        try (CannedServer server = new CannedServer(List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello",
                "HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\nno"));
             HttpConnection c = new HttpConnection("127.0.0.1", server.port())) {
            HttpResponse first = c.exchange(GET, true);
            HttpResponse second = c.exchange(GET, true);

            assertEquals(200, first.status());
            assertEquals("hello", first.bodyText());
            assertEquals("1", first.header("x-a"));
            assertEquals(404, second.status());
            assertEquals("no", second.bodyText());
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void decodesAChunkedBody() throws Exception {
        try (CannedServer server = new CannedServer(List.of(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n",
                "HTTP/1.1 204 No Content\r\n\r\n"));
             HttpConnection c = new HttpConnection("127.0.0.1", server.port())) {
            assertEquals("hello, world", c.exchange(GET, true).bodyText());
            assertEquals(204, c.exchange(GET, true).status());
        }
    }

    @Test
    void dropsTheBodyWhenNotKeptButStillReadsIt() throws Exception {
        try (CannedServer server = new CannedServer(List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc", "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"));
             HttpConnection c = new HttpConnection("127.0.0.1", server.port())) {
            assertEquals(0, c.exchange(GET, false).body().length);
            assertEquals(201, c.exchange(GET, false).status());
        }
    }

    @Test
    void readsToTheEndWithoutALengthAndThenReconnects() throws Exception {
        try (CannedServer server = new CannedServer(List.of(
                "HTTP/1.1 200 OK\r\n\r\nuntil the end#close", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
             HttpConnection c = new HttpConnection("127.0.0.1", server.port())) {
            assertEquals("until the end", c.exchange(GET, true).bodyText());
            assertEquals("ok", c.exchange(GET, true).bodyText());
            assertEquals(2, server.connections.get());
        }
    }

    @Test
    void aBodyCutShortIsAnError() throws Exception {
        try (CannedServer server = new CannedServer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc#close"));
             HttpConnection c = new HttpConnection("127.0.0.1", server.port())) {
            assertThrows(IOException.class, () -> c.exchange(GET, true));
        }
    }

    @Test
    void somethingThatIsNotHttpIsAnError() throws Exception {
        try (CannedServer server = new CannedServer(List.of("SSH-2.0-OpenSSH\r\n\r\n"));
             HttpConnection c = new HttpConnection("127.0.0.1", server.port())) {
            assertThrows(IOException.class, () -> c.exchange(GET, true));
        }
    }

    @Test
    void refusesARequestPathThatCouldSplitTheRequest() {
        assertThrows(IllegalArgumentException.class, () -> Requests.get("h", "/a\r\nX: y", null));
    }
}
