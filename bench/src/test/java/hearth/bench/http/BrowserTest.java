package hearth.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserTest {

    private static String form(String token) {
        String body = "<form><input type=\"hidden\" name=\"csrf\" value=\"" + token + "\"></form>";
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void readsATokenKeepsTheCookieAndReadsATokenAgainOnceItHasOne() throws Exception {
        try (CannedServer server = new CannedServer(List.of(
                form("a.1.anon"),
                "HTTP/1.1 303 See Other\r\nLocation: /c/x/t/1\r\nSet-Cookie: hearth_author=K1; Path=/; HttpOnly\r\n"
                        + "Content-Length: 0\r\n\r\n",
                form("k.bound"),
                "HTTP/1.1 303 See Other\r\nLocation: /c/x/t/1#p\r\nSet-Cookie: hearth_author=K1; Path=/\r\n"
                        + "Content-Length: 0\r\n\r\n"));
             HttpConnection c = new HttpConnection("127.0.0.1", server.port())) {
            Browser her = new Browser(c, "127.0.0.1:" + server.port());

            HttpResponse first = her.submit("/c/x/new", "/c/x/new", Map.of("title", "t", "body", "b"));
            assertEquals("/c/x/t/1", first.header("Location"));
            assertEquals("hearth_author=K1", her.cookieHeader());
            assertEquals("k.bound", her.token("/c/x/t/1"));
            assertEquals(303, her.submit("/c/x/t/1", "/c/x/t/1/reply", Map.of("body", "b")).status());
        }
    }

    @Test
    void aFormPageWithoutATokenIsAnError() throws Exception {
        try (CannedServer server = new CannedServer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"));
             HttpConnection c = new HttpConnection("127.0.0.1", server.port())) {
            Browser her = new Browser(c, "127.0.0.1:" + server.port());
            assertThrows(IOException.class, () -> her.token("/c/x/new"));
        }
    }
}
