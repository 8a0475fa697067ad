package hearth.bench.federation;

import hearth.bench.BenchContext;
import hearth.bench.JsonLine;
import hearth.bench.Machine;
import hearth.bench.process.NodeProcess;
import hearth.federation.signature.CavageSigner;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Inbound: signed activities (Likes from several remote actors, draft-cavage rsa-sha256, each
 * with its own id) POSTed to a node's shared inbox by 64 concurrent connections. Counted are
 * the ones the node verified (signature, key owner, date, digest, origin), committed and
 * answered 202. The activities are signed before the clock starts; the node fetches each
 * actor's key once, during the warm-up. Entry point: the suite's {@code federation-inbound}.
 */
public final class InboundBench {

    static final double TARGET_PER_SECOND = 2_000;
    private static final int CONCURRENCY = 64;

    private InboundBench() {
    }

    private record Signed(byte[] body, Map<String, String> headers) {
    }

    public static void run(BenchContext context) throws Exception {
        context.say("%s", Machine.describe());
        int measured = context.size().pick(200, 4_000, 20_000);
        int warm = context.size().pick(100, 1_000, 4_000);
        int actorCount = context.size().pick(2, 10, 20);
        Vertx vertx = Vertx.vertx();
        try (FakeActors actors = new FakeActors(vertx, actorCount)) {
            NodeProcess node = context.processes().startNode(context.processes().folder("data"),
                    "--allow-private-addresses", "--config", unlimited(context).toString());
            node.awaitHealthy(Duration.ofSeconds(90));
            URI inbox = URI.create("http://" + node.host() + "/inbox");
            String object = "http://" + node.host() + "/c/perinatal";
            List<Signed> all = sign(actors, inbox, object, warm + measured);
            HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(CONCURRENCY));
            send(client, node, all.subList(0, warm));
            long began = System.nanoTime();
            int[] statuses = send(client, node, all.subList(warm, all.size()));
            double seconds = (System.nanoTime() - began) / 1e9;
            int accepted = statuses[0];
            double perSecond = accepted / seconds;
            context.say("%,d signed activities from %d actors, %d connections: %,d accepted (202), %,d refused",
                    measured, actorCount, CONCURRENCY, accepted, statuses[1]);
            context.say("verified and accepted: %,.0f per second (%,.0f per core); target %,.0f per second: %s",
                    perSecond, perSecond / Machine.cores(), TARGET_PER_SECOND,
                    perSecond >= TARGET_PER_SECOND ? "met" : "NOT met");
            context.say("%s", new JsonLine("federation-inbound").put("accepted_per_s", perSecond, 0)
                    .put("per_core", perSecond / Machine.cores(), 0).put("accepted", accepted)
                    .put("refused", statuses[1]).put("target_met", perSecond >= TARGET_PER_SECOND)
                    .finish(context.size()));
            client.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A configuration whose inbox takes any rate from one server: all the actors here share one
     * host, and this measures verifying and committing, not the per-server limit ({@code inbox-flood} does).
     */
    private static java.nio.file.Path unlimited(BenchContext context) throws java.io.IOException {
        java.nio.file.Path file = context.processes().folder("config").resolve("hearth.yaml");
        java.nio.file.Files.writeString(file, """
                node:
                  name: "Hearth bench"
                circles:
                  - name: perinatal
                    title: "Pregnancy and after birth"
                federation:
                  inboxLimit:
                    perSecond: 1000000
                    burst: 1000000
                """);
        return file;
    }

    private static List<Signed> sign(FakeActors actors, URI inbox, String object, int count) {
        Instant now = Instant.now();
        return IntStream.range(0, count).parallel().mapToObj(n -> {
            int a = n % actors.count();
            URI actor = actors.actor(a);
            String json = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actors.base()
                    + "/likes/" + n + "\",\"type\":\"Like\",\"actor\":\"" + actor + "\",\"object\":\"" + object + "\"}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            return new Signed(body, CavageSigner.sign("POST", inbox, "application/activity+json", body,
                    actors.keyId(a), actors.key(a), now));
        }).toList();
    }

    /** Sends every request, at most {@value #CONCURRENCY} at a time; returns {accepted, refused}. */
    private static int[] send(HttpClientAgent client, NodeProcess node, List<Signed> requests) throws InterruptedException {
        Semaphore slots = new Semaphore(CONCURRENCY);
        CountDownLatch done = new CountDownLatch(requests.size());
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        for (Signed signed : requests) {
            slots.acquire();
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                    .setPort(node.port()).setURI("/inbox");
            options.putHeader("Content-Type", "application/activity+json");
            signed.headers().forEach(options::putHeader);
            client.request(options)
                    .compose(request -> request.send(Buffer.buffer(signed.body())))
                    .compose(response -> response.body().map(b -> response.statusCode()))
                    .onComplete(result -> {
                        if (result.succeeded() && result.result() == 202) {
                            accepted.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                        slots.release();
                        done.countDown();
                    });
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the inbox did not answer every request within 5 minutes");
        }
        return new int[] {accepted.get(), refused.get()};
    }
}
