package hearth.node.metrics;

import hearth.node.config.NodeConfig;
import hearth.node.store.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One node's metrics: a Prometheus registry fed by {@link Metrics}, gauges read from the store
 * (outbox by host, search index lag), JVM and process basics, and an HTTP server answering
 * {@code GET /metrics} on its own address (loopback unless configured otherwise), apart from the
 * forum's port so it is never exposed with the forum.
 *
 * <pre>{@code
 * NodeMetrics metrics = NodeMetrics.start(vertx, config.metrics(), db, forum::lastChange, indexer::appliedSequence)
 *         .toCompletionStage().toCompletableFuture().get();
 * }</pre>
 *
 * Thread-safe. Close it to stop the server and detach its registry.
 */
public final class NodeMetrics implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final OutboxGauges outbox;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final AtomicLong indexLag = new AtomicLong();
    private final LongSupplier storeSequence;
    private final LongSupplier indexedSequence;
    private volatile HttpServer server;

    private NodeMetrics(Vertx vertx, Database db, LongSupplier storeSequence, LongSupplier indexedSequence) {
        this.vertx = vertx;
        this.storeSequence = storeSequence;
        this.indexedSequence = indexedSequence;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.outbox = new OutboxGauges(db, registry);
        Gauge.builder("hearth.search.index.lag", indexLag, AtomicLong::get)
                .description("Changes committed to the store that this process's search index has not applied yet")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Metrics.attach(registry);
    }

    /**
     * Starts serving the node's metrics as {@code settings} say.
     *
     * @param storeSequence   the store's last change number
     * @param indexedSequence the last change number the search index applied
     */
    public static Future<NodeMetrics> start(Vertx vertx, NodeConfig.Metrics settings, Database db,
                                            LongSupplier storeSequence, LongSupplier indexedSequence) {
        NodeMetrics metrics = new NodeMetrics(vertx, db, storeSequence, indexedSequence);
        return vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(settings.port()))
                .requestHandler(metrics::serve)
                .listen()
                .map(s -> {
                    metrics.server = s;
                    return metrics;
                })
                .onFailure(e -> metrics.detach());
    }

    /** The port the endpoint listens on (useful when configured as 0). */
    public int port() {
        return server.actualPort();
    }

    /** The current metrics in the Prometheus text format, gauges read fresh from the store. Blocks. */
    public String scrape() {
        outbox.refresh();
        indexLag.set(Math.max(0, storeSequence.getAsLong() - indexedSequence.getAsLong()));
        return registry.scrape();
    }

    private void serve(HttpServerRequest request) {
        if (!"/metrics".equals(request.path())) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            request.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
            return;
        }
        // The gauges read the database: never on the event loop.
        vertx.executeBlocking(this::scrape, false).onComplete(done -> {
            if (done.succeeded()) {
                request.response().putHeader("Content-Type", CONTENT_TYPE).putHeader("Cache-Control", "no-store")
                        .end(done.result());
            } else {
                request.response().setStatusCode(503).end("metrics are unavailable just now\n");
            }
        });
    }

    private void detach() {
        Metrics.detach(registry);
        gc.close();
        registry.close();
    }

    @Override
    public void close() {
        HttpServer s = server;
        if (s != null) {
            s.close();
        }
        detach();
    }
}
