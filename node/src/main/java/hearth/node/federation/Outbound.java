package hearth.node.federation;

import hearth.federation.net.AddressPolicy;
import hearth.federation.signature.CavageSigner;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Every request this node makes to another server: signed fetches and signed deliveries.
 *
 * <p>Guards, because the addresses come from strangers: the host is resolved here and every
 * address it resolves to must be publicly routable (unless the node runs with
 * {@code allow-private-addresses} for local testing), and the connection goes to the address
 * that was checked, so DNS cannot change its answer in between. Redirects are not followed.
 * Bodies are cut off at a size limit and every request has a deadline.
 * Thread-safe; call from virtual threads (calls block until the answer is in).
 */
public final class Outbound {

    public static final int MAX_BODY = 1 << 20;
    public static final String ACTIVITY_JSON = "application/activity+json";
    static final String ACCEPT = "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    /** What came back. */
    public record Response(int status, String contentType, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The request was not made, or failed on the way: the reason is short and never holds an address. */
    public static final class Failed extends RuntimeException {
        public Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final Context context;
    private final boolean allowPrivate;
    private final Clock clock;
    private final String userAgent;

    public Outbound(Vertx vertx, boolean allowPrivate, Clock clock, String userAgent) {
        this.vertx = vertx;
        this.allowPrivate = allowPrivate;
        this.clock = clock;
        this.userAgent = userAgent;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout(5_000)
                        .setIdleTimeout(20)
                        .setMaxRedirects(0)
                        .setTrustAll(false)
                        .setVerifyHost(true),
                new PoolOptions().setHttp1MaxSize(DeliveryWorker.PER_HOST));
        this.context = eventLoopContext(vertx);
    }

    /**
     * An event-loop context of its own. Requests start on it, so the answer is handed over and its
     * body arrives on one thread in order: the body handlers are always set before any of the body
     * is read, whichever thread (a worker, a page handler) asked.
     */
    private static Context eventLoopContext(Vertx vertx) {
        // A thread Vert.x does not know gets a fresh event-loop context.
        var made = new java.util.concurrent.atomic.AtomicReference<Context>();
        Thread thread = Thread.ofPlatform().name("hearth-outbound-context").start(() -> made.set(vertx.getOrCreateContext()));
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
        return made.get();
    }

    /** A GET signed by {@code keyId}/{@code key} (servers in authorized-fetch mode require it). */
    public Response get(URI uri, String keyId, PrivateKey key, Duration timeout) {
        Map<String, String> headers = CavageSigner.sign("GET", uri, null, null, keyId, key, clock.instant());
        return send(HttpMethod.GET, uri, headers, null, timeout);
    }

    /** A signed POST of an activity to an inbox. */
    public Response post(URI inbox, byte[] body, String keyId, PrivateKey key, Duration timeout) {
        Map<String, String> headers = CavageSigner.sign("POST", inbox, ACTIVITY_JSON, body, keyId, key, clock.instant());
        return send(HttpMethod.POST, inbox, headers, body, timeout);
    }

    /** Checks that a host may be contacted, and returns the address to connect to. */
    public InetAddress resolve(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Failed("unknown host");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!AddressPolicy.isPublic(address)) {
                    throw new Failed("refused: not a public address");
                }
            }
        }
        return addresses[0];
    }

    private Response send(HttpMethod method, URI uri, Map<String, String> signed, byte[] body, Duration timeout) {
        String scheme = uri.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new Failed("refused: not http(s)");
        }
        boolean tls = "https".equals(scheme);
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        InetAddress address = resolve(uri.getHost());
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(path)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(5_000)
                .setIdleTimeout(timeout.toMillis());
        options.putHeader("Accept", ACCEPT);
        options.putHeader("User-Agent", userAgent);
        signed.forEach(options::putHeader);
        if (body != null) {
            options.putHeader("Content-Type", ACTIVITY_JSON);
        }
        Promise<Response> result = Promise.promise();
        long deadline = vertx.setTimer(timeout.toMillis(), t -> result.tryFail(new Failed("timed out")));
        context.runOnContext(start -> client.request(options).compose(request -> {
            result.future().onFailure(e -> request.reset());
            return body == null ? request.send() : request.send(Buffer.buffer(body));
        }).compose(response -> {
            // Handlers are set in the same callback that hands over the response, before any of
            // its body can arrive; the body is counted as it comes and cut off at the limit.
            Promise<Response> read = Promise.promise();
            Buffer received = Buffer.buffer();
            response.handler(chunk -> {
                if (received.length() + chunk.length() > MAX_BODY) {
                    read.tryFail(new Failed("answer too large"));
                    response.request().reset();
                } else {
                    received.appendBuffer(chunk);
                }
            });
            response.exceptionHandler(e -> read.tryFail(new Failed("connection lost")));
            response.endHandler(v -> read.tryComplete(
                    new Response(response.statusCode(), response.getHeader("Content-Type"), received.getBytes())));
            return read.future();
        }).onComplete(done -> {
            if (done.succeeded()) {
                result.tryComplete(done.result());
            } else {
                result.tryFail(done.cause() instanceof Failed f ? f : new Failed(shortReason(done.cause())));
            }
        }));
        try {
            // await() parks a virtual thread without holding its Vert.x context, so the answer's
            // callbacks can run; on any other thread it blocks.
            return result.future().await();
        } catch (Failed e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Failed("request failed");
        } finally {
            vertx.cancelTimer(deadline);
        }
    }

    private static String shortReason(Throwable e) {
        if (e instanceof Failed) {
            return e.getMessage();
        }
        String name = e.getClass().getSimpleName();
        return name.contains("Timeout") ? "timed out" : name.contains("Connect") ? "could not connect" : "request failed";
    }

    public void close() {
        client.close();
    }
}
