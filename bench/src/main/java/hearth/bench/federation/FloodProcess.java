package hearth.bench.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import hearth.federation.signature.CavageSigner;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The hostile server of {@code inbox-flood}, in a process of its own so that its work never
 * stalls the load generator that measures the pages: one actor (served on loopback, so the node
 * can fetch its key), {@code --count} Likes signed at start, and a {@link Flooder} that the
 * benchmark starts and stops over a small control server on {@code --control-port}:
 *
 * <pre>
 * java -cp hearth-bench.jar hearth.bench.federation.FloodProcess --node-port 8080 --control-port 9090 \
 *     --rate 500 --connections 32 --count 3000
 * POST /start   begins flooding          GET /counts   "accepted limited other failed nanos"
 * POST /stop    ends it, answers counts   POST /exit    stops the process
 * </pre>
 * Entry point only; see {@link FloodControl} for the benchmark's side.
 */
public final class FloodProcess {

    private FloodProcess() {
    }

    public static void main(String[] args) throws Exception {
        int nodePort = Integer.parseInt(option(args, "--node-port"));
        int controlPort = Integer.parseInt(option(args, "--control-port"));
        int rate = Integer.parseInt(option(args, "--rate"));
        int connections = Integer.parseInt(option(args, "--connections"));
        int count = Integer.parseInt(option(args, "--count"));
        Vertx vertx = Vertx.vertx();
        CountDownLatch exit = new CountDownLatch(1);
        try (FakeActors hostile = new FakeActors(vertx, 1)) {
            Queue<Flooder.Signed> signed = sign(hostile, nodePort, count);
            Flooder[] running = new Flooder[1];
            HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 0);
            control.setExecutor(Executors.newSingleThreadExecutor());
            control.createContext("/", exchange -> {
                try (exchange) {
                    switch (exchange.getRequestURI().getPath()) {
                        case "/start" -> {
                            if (running[0] == null) {
                                running[0] = Flooder.start(vertx, nodePort, "/inbox", signed, connections, rate);
                            }
                            answer(exchange, "started");
                        }
                        case "/counts" -> answer(exchange, running[0] == null ? "0 0 0 0 0" : text(running[0].counts()));
                        case "/stop" -> {
                            Flooder.Counts counts = running[0] == null ? null : running[0].counts();
                            if (running[0] != null) {
                                running[0].stop();
                                running[0] = null;
                            }
                            answer(exchange, counts == null ? "0 0 0 0 0" : text(counts));
                        }
                        case "/exit" -> {
                            answer(exchange, "bye");
                            exit.countDown();
                        }
                        default -> {
                            exchange.sendResponseHeaders(404, -1);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            control.start();
            System.out.println("flood: " + signed.size() + " signed; control on " + controlPort);
            exit.await();
            control.stop(0);
        } finally {
            vertx.close();
            System.exit(0);
        }
    }

    /** {@code count} Likes of a circle by the one actor, each with its own id, signed for the node's shared inbox. */
    static Queue<Flooder.Signed> sign(FakeActors hostile, int nodePort, int count) {
        String host = "127.0.0.1:" + nodePort;
        URI inbox = URI.create("http://" + host + "/inbox");
        String object = "http://" + host + "/c/perinatal";
        Instant now = Instant.now();
        return IntStream.range(0, count).parallel().mapToObj(n -> {
            String json = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + hostile.base()
                    + "/flood/" + n + "\",\"type\":\"Like\",\"actor\":\"" + hostile.actor(0) + "\",\"object\":\""
                    + object + "\"}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            return new Flooder.Signed(body, CavageSigner.sign("POST", inbox, "application/activity+json", body,
                    hostile.keyId(0), hostile.key(0), now));
        }).collect(Collectors.toCollection(ConcurrentLinkedQueue::new));
    }

    private static String text(Flooder.Counts c) {
        return c.accepted() + " " + c.limited() + " " + c.other() + " " + c.failed() + " " + c.atNanos();
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("missing " + name);
    }
}
