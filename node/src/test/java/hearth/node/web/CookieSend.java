package hearth.node.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Sends one request with the cookies a test client holds for its address and keeps the ones the
 * answer sets; the client follows no redirect itself, so each Set-Cookie is seen. Thread-safe as
 * far as {@code cookies} is.
 */
public final class CookieSend {

    private CookieSend() {
    }

    public static HttpResponse<String> send(HttpClient http, CookieManager cookies, URI uri, HttpRequest.Builder request) {
        try {
            cookies.get(uri, Map.of()).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            cookies.put(uri, response.headers().map());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
