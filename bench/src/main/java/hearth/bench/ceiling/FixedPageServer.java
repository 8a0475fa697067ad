package hearth.bench.ceiling;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling for page benchmarks: a bare Vert.x router with one GET route that answers with
 * fixed bytes from memory, the same body and headers the node sent. No database, no
 * template, no security handler: what is left is the cost of HTTP itself on this machine.
 *
 * <p>Runs as its own process, one verticle instance per core (Vert.x's fastest ordinary
 * setup), on 127.0.0.1:
 * <pre>
 * java -cp hearth-bench.jar hearth.bench.ceiling.FixedPageServer --port N &lt; page
 * </pre>
 * where the page on standard input is the path on the first line, then header lines
 * ({@code Name: value}), an empty line, and the body to the end. Vert.x starts while the page
 * is still awaited, so a benchmark can launch this early.
 */
public final class FixedPageServer extends VerticleBase {

    private final int port;
    private final Page page;

    private FixedPageServer(int port, Page page) {
        this.port = port;
        this.page = page;
    }

    record Page(String path, MultiMap headers, byte[] body) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--port")) {
            System.err.println("usage: FixedPageServer --port N < page");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx();
        Page page = read(System.in);
        int instances = Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new FixedPageServer(port, page), new DeploymentOptions().setInstances(instances))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        System.out.printf("serving %d bytes at http://127.0.0.1:%d%s with %d event loops%n",
                page.body().length, port, page.path(), instances);
        // Runs until the benchmark stops this process.
    }

    @Override
    public Future<?> start() {
        Buffer body = Buffer.buffer(page.body());
        Router router = Router.router(vertx);
        router.get(page.path()).handler(ctx -> answer(ctx, body));
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(router)
                .listen();
    }

    private void answer(RoutingContext ctx, Buffer body) {
        ctx.response().headers().addAll(page.headers());
        ctx.response().end(body);
    }

    static Page read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int split = indexOf(all, new byte[] {'\n', '\n'});
        if (split < 0) {
            throw new IOException("no empty line after the path and headers");
        }
        String[] lines = new String(all, 0, split, StandardCharsets.UTF_8).split("\n");
        MultiMap headers = HttpHeaders.headers();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
        }
        return new Page(lines[0].strip(), headers, Arrays.copyOfRange(all, split + 2, all.length));
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
