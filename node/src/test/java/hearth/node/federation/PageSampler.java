package hearth.node.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reader who keeps opening one page, a little pause between requests, and notes how long
 * each took; {@link #p99()} is the 99th percentile. A request that fails or is not 200 counts
 * as a failure. Start with {@link #start}, stop with {@link #close}. Thread-safe.
 */
final class PageSampler implements AutoCloseable {

    private static final long PAUSE_MILLIS = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI page;
    private final List<Long> micros = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private PageSampler(URI page) {
        this.page = page;
        this.thread = Thread.ofPlatform().name("page-sampler").daemon().start(this::run);
    }

    static PageSampler start(URI page) {
        return new PageSampler(page);
    }

    private void run() {
        HttpRequest request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).GET().build();
        while (running) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failures.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
            micros.add((System.nanoTime() - start) / 1_000);
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Samples until {@code count} requests were made (or {@code limit} passed). */
    void awaitCount(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (micros.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    int count() {
        return micros.size();
    }

    int failures() {
        return failures.get();
    }

    double p50Millis() {
        return percentile(0.50);
    }

    double p99Millis() {
        return percentile(0.99);
    }

    private double percentile(double p) {
        List<Long> sorted = new ArrayList<>(micros);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        sorted.sort(null);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000.0;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(35_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.shutdownNow();
    }
}
