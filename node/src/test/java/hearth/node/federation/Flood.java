package hearth.node.federation;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile server flooding an inbox: {@code senders} connections send the given signed
 * requests back to back, round and round, until {@link #stop()} or {@code most} requests in
 * all (a bounded loop, whatever the node does). Counts the answers by status and keeps every
 * Retry-After the node gave.
 *
 * <pre>{@code
 * try (Flood flood = Flood.start(requests, 4, 2_000)) {
 *     flood.awaitStatus(429, Duration.ofSeconds(20));
 *     ... what must still work while it floods ...
 *     flood.stop();
 * }
 * }</pre>
 * Thread-safe.
 */
final class Flood implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> retryAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();
    private final CountDownLatch done;
    private final long started = System.nanoTime();
    private volatile long ended;

    private Flood(List<InboxPoster.Request> requests, int connections, int most) {
        done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            senders.submit(() -> {
                try {
                    int n;
                    while (!stopped.get() && (n = sent.getAndIncrement()) < most) {
                        send(requests.get(n % requests.size()));
                    }
                } finally {
                    ended = System.nanoTime();
                    done.countDown();
                }
            });
        }
    }

    static Flood start(List<InboxPoster.Request> requests, int connections, int most) {
        return new Flood(List.copyOf(requests), connections, most);
    }

    private void send(InboxPoster.Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.target()).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<Void> response = http.send(builder.build(), HttpResponse.BodyHandlers.discarding());
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            response.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
        } catch (IOException e) {
            failures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.set(true);
        }
    }

    /** Waits until some request has been answered {@code status}. */
    void awaitStatus(int status, Duration limit) {
        Peers.eventually(limit, "the flood is answered " + status, () -> count(status) > 0);
    }

    /** Stops sending and waits for the requests in flight. */
    void stop() {
        stopped.set(true);
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the flood's requests did not end within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every request has been sent and answered. */
    void awaitEnd(Duration limit) throws InterruptedException {
        if (!done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the flood did not end within " + limit.toSeconds() + " s");
        }
    }

    int count(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    /** Every answer's status with how many, e.g. {202=10, 429=190}, for messages. */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        statuses.forEach((status, n) -> out.put(status, n.get()));
        return out;
    }

    int answered() {
        return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    long failures() {
        return failures.get();
    }

    List<String> retryAfter() {
        return new ArrayList<>(retryAfter);
    }

    /** Seconds from the start to the last answer (once ended). */
    double seconds() {
        return ((ended == 0 ? System.nanoTime() : ended) - started) / 1e9;
    }

    @Override
    public void close() {
        stopped.set(true);
        senders.shutdownNow();
        http.shutdownNow();
    }
}
