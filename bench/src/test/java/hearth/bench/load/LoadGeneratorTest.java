package hearth.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import hearth.bench.http.Requests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    /** A server answering {@code status}; request number {@code stallAt} takes {@code stallMillis} first. */
    private int serve(int status, int stallAt, long stallMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            if (requests.incrementAndGet() == stallAt) {
                try {
                    Thread.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static List<RequestScript> one(int port, int status) {
        return List.of(RequestScript.repeat(Requests.get("127.0.0.1:" + port, "/", null), status));
    }

    @Test
    void openLoopCountsAStallAgainstEveryRequestDueDuringIt() throws Exception {
        int port = serve(200, 10, 300);
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", port, one(port, 200))) {
            LoadResult result = load.openLoop(100, Duration.ofSeconds(1));

            // Requests due in the 300 ms stall waited for it: about a quarter waited 50 ms or more.
            // Timed from when each was sent, only the stalled request itself would look slow.
            assertTrue(result.latencies().percentileMillis(80) >= 50, result.summary("req/s"));
            assertTrue(result.completed() >= 95 && result.completed() <= 101, result.summary("req/s"));
            assertEquals(0, result.errors());
        }
    }

    @Test
    void openLoopKeepsToTheRateAskedFor() throws Exception {
        int port = serve(200, -1, 0);
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", port, List.of(
                RequestScript.repeat(Requests.get("127.0.0.1:" + port, "/", null), 200),
                RequestScript.repeat(Requests.get("127.0.0.1:" + port, "/", null), 200)))) {
            LoadResult result = load.openLoop(200, Duration.ofMillis(500));
            assertTrue(result.completed() >= 95 && result.completed() <= 101, result.summary("req/s"));
            assertEquals(200, result.targetRate());
        }
    }

    @Test
    void closedLoopCountsUnexpectedAnswersAsErrors() throws Exception {
        int port = serve(500, -1, 0);
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", port, one(port, 200))) {
            LoadResult result = load.closedLoop(Duration.ofMillis(200));
            assertEquals(0, result.completed());
            assertTrue(result.errors() > 0);
            assertTrue(result.firstError().contains("500"), result.firstError());
        }
    }

    @Test
    void aServerThatIsNotThereGivesErrorsNotAnException() throws Exception {
        int port = serve(200, -1, 0);
        server.stop(0);
        server = null;
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", port, one(port, 200))) {
            LoadResult result = load.closedLoop(Duration.ofMillis(100));
            assertEquals(0, result.completed());
            assertTrue(result.errors() > 0);
        }
    }

    @Test
    void connectionsAreSpreadOverEveryPortGiven() throws Exception {
        AtomicInteger toOther = new AtomicInteger();
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        other.createContext("/", exchange -> {
            toOther.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        other.start();
        int port = serve(200, -1, 0);
        try {
            List<RequestScript> scripts = List.of(one(port, 200).getFirst(), one(port, 200).getFirst());
            try (LoadGenerator load = new LoadGenerator("127.0.0.1",
                    List.of(port, other.getAddress().getPort()), scripts)) {
                LoadResult result = load.closedLoop(Duration.ofMillis(300));
                assertEquals(0, result.errors(), result.firstError());
            }
        } finally {
            other.stop(0);
        }
        assertTrue(requests.get() > 0, "the first port got requests");
        assertTrue(toOther.get() > 0, "the second port got requests");
    }
}
