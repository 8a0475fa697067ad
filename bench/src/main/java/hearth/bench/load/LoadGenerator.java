package hearth.bench.load;

import hearth.bench.Latencies;
import hearth.bench.http.HttpConnection;
import hearth.bench.http.HttpResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An HTTP load generator with a fixed number of keep-alive connections, one request in
 * flight on each, one thread per connection.
 *
 * <ul>
 * <li>{@link #closedLoop}: each connection sends its next request as soon as the answer to
 *     the last one is in. The rate reached is the server's saturation throughput.
 * <li>{@link #openLoop}: requests are due at a fixed rate, whatever the server does; the next
 *     free connection sends each when it is due. Latency is measured from when a request was
 *     due, not from when it could be sent, so a stalled server cannot hide its stall by
 *     slowing the generator down ("coordinated omission").
 * </ul>
 *
 * <pre>{@code
 * try (LoadGenerator load = new LoadGenerator("127.0.0.1", port, scripts)) {
 *     LoadResult saturated = load.closedLoop(Duration.ofSeconds(20));
 *     LoadResult half = load.openLoop(saturated.rate() / 2, Duration.ofSeconds(20));
 * }
 * }</pre>
 *
 * <p>Connections stay open across phases. Not thread-safe: run one phase at a time.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<RequestScript> scripts;
    private final List<HttpConnection> connections = new ArrayList<>();

    /** One connection per script. */
    public LoadGenerator(String host, int port, List<RequestScript> scripts) {
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("at least one connection");
        }
        this.scripts = List.copyOf(scripts);
        for (int i = 0; i < scripts.size(); i++) {
            connections.add(new HttpConnection(host, port));
        }
    }

    /**
     * One connection per script, spread round-robin over {@code ports}: several node processes
     * share the load as they would behind a reverse proxy, without one in the way.
     */
    public LoadGenerator(String host, List<Integer> ports, List<RequestScript> scripts) {
        if (scripts.isEmpty() || ports.isEmpty()) {
            throw new IllegalArgumentException("at least one connection and one port");
        }
        this.scripts = List.copyOf(scripts);
        for (int i = 0; i < scripts.size(); i++) {
            connections.add(new HttpConnection(host, ports.get(i % ports.size())));
        }
    }

    /** Every connection sends back to back for {@code duration}. */
    public LoadResult closedLoop(Duration duration) throws InterruptedException {
        return run(duration, 0);
    }

    /** Requests due at {@code perSecond} for {@code duration}; latency counted from when each was due. */
    public LoadResult openLoop(double perSecond, Duration duration) throws InterruptedException {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        return run(duration, perSecond);
    }

    private LoadResult run(Duration duration, double perSecond) throws InterruptedException {
        long start = System.nanoTime() + 1_000_000; // every thread is ready before the first is due
        long end = start + duration.toNanos();
        AtomicLong tickets = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            Worker worker = new Worker(connections.get(i), scripts.get(i), start, end, perSecond, tickets, firstError);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name("load-" + i).daemon().start(worker));
        }
        long finished = end;
        for (Thread thread : threads) {
            thread.join();
        }
        Latencies all = new Latencies();
        long completed = 0;
        long errors = 0;
        long cpu = 0;
        for (Worker w : workers) {
            all.addAll(w.latencies);
            completed += w.completed;
            errors += w.errors;
            cpu += w.cpuNanos;
            finished = Math.max(finished, w.lastAnswer);
        }
        // Closed loop: answers counted until the last one arrived. Open loop: the schedule's length.
        double seconds = (perSecond > 0 ? end - start : finished - start) / 1e9;
        return new LoadResult(completed, errors, seconds, all, perSecond, cpu / 1e9 / seconds, firstError.get());
    }

    @Override
    public void close() {
        connections.forEach(HttpConnection::close);
    }

    private static final class Worker implements Runnable {
        private final HttpConnection connection;
        private final RequestScript script;
        private final long start;
        private final long end;
        private final double perSecond;
        private final AtomicLong tickets;
        private final AtomicReference<String> firstError;
        private final Latencies latencies = new Latencies();
        private long completed;
        private long errors;
        private long cpuNanos;
        private long lastAnswer;

        Worker(HttpConnection connection, RequestScript script, long start, long end, double perSecond,
               AtomicLong tickets, AtomicReference<String> firstError) {
            this.connection = connection;
            this.script = script;
            this.start = start;
            this.end = end;
            this.perSecond = perSecond;
            this.tickets = tickets;
            this.firstError = firstError;
        }

        @Override
        public void run() {
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            sleepUntil(start);
            while (true) {
                long due;
                if (perSecond > 0) {
                    due = start + (long) (tickets.getAndIncrement() * 1e9 / perSecond);
                    if (due >= end) {
                        break;
                    }
                    sleepUntil(due);
                } else {
                    due = System.nanoTime();
                    if (due >= end) {
                        break;
                    }
                }
                exchange(due);
            }
            cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        }

        private void exchange(long due) {
            try {
                HttpResponse response = connection.exchange(script.next(), script.keepBody());
                lastAnswer = System.nanoTime();
                latencies.record(lastAnswer - due);
                if (script.accept(response)) {
                    completed++;
                } else {
                    fail("unexpected answer " + response.status());
                }
            } catch (IOException | RuntimeException e) {
                lastAnswer = System.nanoTime();
                fail(e.toString());
                if (e instanceof java.net.ConnectException) {
                    LockSupport.parkNanos(1_000_000); // the server is gone: do not spin
                }
            }
        }

        private void fail(String what) {
            errors++;
            firstError.compareAndSet(null, what);
        }

        private static void sleepUntil(long due) {
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
