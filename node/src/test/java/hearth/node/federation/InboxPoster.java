package hearth.node.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hearth.federation.signature.CavageSigner;
import hearth.federation.signature.Rfc9421Signer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends activities to a node's inbox the way another server would, signed with the federation
 * library's signers (draft-cavage or RFC 9421), and lets a test spoil the request first: drop
 * or replace a header, swap the body. The request is sent with exactly the headers given;
 * the HTTP client adds Host (the target's authority, as signed) and Content-Length, or, with
 * {@link #sendChunked}, no length at all; {@link #sendWithHost} writes any Host over a socket.
 *
 * <pre>{@code
 * InboxPoster.Request request = InboxPoster.cavage(inbox, body, ana);
 * InboxPoster.Answer answer = poster.send(request.withBody(other));
 * assertEquals(401, answer.status(), answer.reason());
 * }</pre>
 * Thread-safe; requests are immutable.
 */
final class InboxPoster implements AutoCloseable {

    static final String CONTENT_TYPE = "application/activity+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A request ready to send; the {@code with…} methods return changed copies. */
    record Request(URI target, Map<String, String> headers, byte[] body) {
        Request {
            headers = Map.copyOf(headers);
        }

        Request with(String header, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(header, value);
            return new Request(target, changed, body);
        }

        Request without(String header) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.remove(header);
            return new Request(target, changed, body);
        }

        Request withBody(byte[] other) {
            return new Request(target, headers, other);
        }
    }

    /** What the inbox answered; {@link #reason()} is its {@code error} field, if any. */
    record Answer(int status, String body) {
        String reason() {
            try {
                JsonNode json = MAPPER.readTree(body);
                return json.path("error").asText(body);
            } catch (IOException | RuntimeException e) {
                return body;
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Signed by {@code keyId} with {@code key} (which need not be that key id's), dated {@code at}. */
    static Request cavage(URI target, byte[] body, String keyId, PrivateKey key, Instant at) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.putAll(CavageSigner.sign("POST", target, CONTENT_TYPE, body, keyId, key, at));
        return new Request(target, headers, body);
    }

    /** Signed now by the actor's own RSA key. */
    static Request cavage(URI target, byte[] body, FakeActor signer) {
        return cavage(target, body, signer.keyId(), signer.rsa().getPrivate(), Instant.now());
    }

    static Request rfc9421(URI target, byte[] body, FakeActor signer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.putAll(Rfc9421Signer.sign("POST", target, CONTENT_TYPE, body, signer.keyId(),
                signer.rsa().getPrivate(), Instant.now()));
        return new Request(target, headers, body);
    }

    static Request unsigned(URI target, byte[] body) {
        return new Request(target, Map.of("Content-Type", CONTENT_TYPE), body);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    Answer send(Request request) {
        return send(request, HttpRequest.BodyPublishers.ofByteArray(request.body()));
    }

    /** Sends the body chunked, without a Content-Length, so its size is known only as it arrives. */
    Answer sendChunked(Request request) {
        return send(request, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(request.body())));
    }

    /**
     * Sends the request over a plain socket with {@code host} in its Host header (which the JDK
     * client will not let a caller set), as a server replaying a request meant for another would.
     */
    Answer sendWithHost(Request request, String host) {
        URI target = request.target();
        StringBuilder head = new StringBuilder("POST " + target.getRawPath() + " HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Content-Length: ").append(request.body().length).append("\r\n")
                .append("Connection: close\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(request.body());
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(Request request, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.target())
                .timeout(Duration.ofSeconds(30))
                .POST(body);
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
