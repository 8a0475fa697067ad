package hearth.bench.federation;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile server flooding a node's shared inbox: signed activities sent at a steady
 * {@code perSecond} on up to {@code connections} keep-alive connections, until {@link #stop()}
 * (slower only if every connection is waiting for an answer). A steady rate rather than as fast
 * as it can: the benchmark shares the machine with the node, and a flooder that took every spare
 * cycle would measure the machine, not the node.
 * The activities come from a queue signed beforehand; one refused with 429 (or lost) goes to the
 * back of it to be sent again, as a server retrying would, and one answered otherwise is done
 * with, so every activity the node lets through is new to it. Counts what the node answered:
 * accepted (202), limited (429), anything else, and requests that failed. Thread-safe.
 *
 * <pre>{@code
 * Flooder flood = Flooder.start(vertx, port, "/inbox", queue, 32, 500);
 * Flooder.Counts before = flood.counts();
 * ...
 * Flooder.Counts during = flood.counts().minus(before);
 * flood.stop();
 * }</pre>
 */
final class Flooder {

    /** Answers so far; {@link #minus} gives those of a phase. */
    record Counts(long accepted, long limited, long other, long failed, long atNanos) {
        Counts plus(Counts more) {
            return new Counts(accepted + more.accepted, limited + more.limited, other + more.other,
                    failed + more.failed, atNanos + more.atNanos);
        }

        Counts minus(Counts earlier) {
            return new Counts(accepted - earlier.accepted, limited - earlier.limited, other - earlier.other,
                    failed - earlier.failed, atNanos - earlier.atNanos);
        }

        long answered() {
            return accepted + limited + other;
        }

        double perSecond() {
            return atNanos <= 0 ? 0 : answered() / (atNanos / 1e9);
        }
    }

    /** A request signed beforehand: its body and its signature headers. */
    record Signed(byte[] body, Map<String, String> headers) {
    }

    private final HttpClientAgent client;
    private final int port;
    private final String path;
    private final Queue<Signed> requests;
    private final Semaphore slots;
    private final int connections;
    private final long intervalNanos;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;

    private Flooder(Vertx vertx, int port, String path, Queue<Signed> requests, int connections, int perSecond) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
        this.port = port;
        this.path = path;
        this.requests = requests;
        this.connections = connections;
        this.slots = new Semaphore(connections);
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.sender = Thread.ofPlatform().name("flooder").daemon().start(this::flood);
    }

    /** @param requests shared with the caller: what is left in it after {@link #stop()} was never taken */
    static Flooder start(Vertx vertx, int port, String path, Queue<Signed> requests, int connections,
            int perSecond) {
        return new Flooder(vertx, port, path, requests, connections, perSecond);
    }

    private void flood() {
        long due = System.nanoTime();
        try {
            while (running) {
                due += intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                } else if (-wait > 1_000_000_000L) {
                    due = System.nanoTime(); // fell behind by a second (all connections busy): do not catch up in a burst
                }
                slots.acquire();
                Signed next = running ? requests.poll() : null;
                if (next == null) {
                    // Stopped, or every request signed beforehand has been let in: wait for a refused one.
                    slots.release();
                    Thread.sleep(1);
                    continue;
                }
                send(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Signed signed) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI(path);
        options.putHeader("Content-Type", "application/activity+json");
        signed.headers().forEach(options::putHeader);
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(signed.body())))
                .compose(response -> response.body().map(b -> response.statusCode()))
                .onComplete(result -> {
                    if (result.failed()) {
                        failed.incrementAndGet();
                        requests.add(signed);
                    } else if (result.result() == 202) {
                        accepted.incrementAndGet();
                    } else if (result.result() == 429) {
                        limited.incrementAndGet();
                        requests.add(signed);
                    } else {
                        other.incrementAndGet();
                    }
                    slots.release();
                });
    }

    Counts counts() {
        return new Counts(accepted.get(), limited.get(), other.get(), failed.get(), System.nanoTime());
    }

    /** Stops sending, waits for the requests in flight, and closes the connections. */
    void stop() throws InterruptedException {
        running = false;
        sender.interrupt();
        sender.join(10_000);
        slots.tryAcquire(connections, 30, TimeUnit.SECONDS);
        client.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
