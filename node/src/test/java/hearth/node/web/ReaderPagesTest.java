package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reading-page cache in front of a page that counts its renderings, over real HTTP: which
 * requests are answered from it, and what makes it render again.
 */
class ReaderPagesTest {

    // Long enough for a few requests on a busy machine; the last test waits it out.
    private static final Duration MAX_AGE = Duration.ofSeconds(2);

    private final AtomicLong commits = new AtomicLong();
    private final AtomicInteger renderings = new AtomicInteger();
    private Vertx vertx;
    private HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        ReaderPages pages = new ReaderPages(commits::get, MAX_AGE, 1 << 20);
        Languages languages = new Languages(List.of("en", "es"), false);
        Router router = Router.router(vertx);
        router.get().handler(ctx -> pages.serveKept(ctx, languages));
        // As on a node: an ActivityPub peer asking the same address gets the object, never the kept page.
        router.get("/page/*").handler(ctx -> {
            if (String.valueOf(ctx.request().getHeader("Accept")).contains("activity+json")) {
                ctx.response().putHeader("Content-Type", "application/activity+json").end("{\"type\":\"Note\"}");
            } else {
                ctx.next();
            }
        });
        router.route("/page/*").handler(ctx -> pages.mark(ctx, languages)).handler(ctx -> {
            int n = renderings.incrementAndGet();
            int status = ctx.request().path().endsWith("/missing") ? 404 : 200;
            Html.send(ctx, status, ("rendering " + n + " in " + languages.pick(ctx)).getBytes());
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Test
    void aSecondReaderWithoutACookieGetsTheSamePageWithoutARendering() throws Exception {
        assertEquals("rendering 1 in en", get("/page/thread", null, null));
        assertEquals("rendering 1 in en", get("/page/thread", null, null));
        assertEquals(1, renderings.get());
    }

    @Test
    void anyCommitMakesTheNextReaderGetAFreshRendering() throws Exception {
        get("/page/thread", null, null);
        commits.incrementAndGet();
        assertEquals("rendering 2 in en", get("/page/thread", null, null));
        assertEquals("rendering 2 in en", get("/page/thread", null, null));
    }

    @Test
    void eachLanguageAndEachAddressIsKeptApart() throws Exception {
        assertEquals("rendering 1 in en", get("/page/thread", "en-GB", null));
        assertEquals("rendering 2 in es", get("/page/thread", "es-ES,es;q=0.9", null));
        assertEquals("rendering 3 in en", get("/page/thread?open=p1", "en-GB", null));
        assertEquals("rendering 1 in en", get("/page/thread", "en-US", null));
        assertEquals("rendering 2 in es", get("/page/thread", "es", null));
    }

    @Test
    void aReaderWithAnyCookieIsRenderedForAndHerPageIsNotKept() throws Exception {
        assertEquals("rendering 1 in es", get("/page/thread", null, "hearth_lang=es"));
        assertEquals("rendering 2 in en", get("/page/thread", null, null));
        assertEquals("rendering 3 in es", get("/page/thread", null, "hearth_lang=es"));
        assertEquals("rendering 2 in en", get("/page/thread", null, null));
    }

    @Test
    void aPageIsRenderedAgainOnceItsMomentIsOver() throws Exception {
        get("/page/thread", null, null);
        Thread.sleep(MAX_AGE.toMillis() + 200);
        assertEquals("rendering 2 in en", get("/page/thread", null, null));
    }

    @Test
    void aPeerAskingForJsonAtAKeptAddressGetsJson() throws Exception {
        get("/page/thread", null, null);
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.actualPort() + "/page/thread"))
                .header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"type\":\"Note\"}", json.body());
        assertEquals("rendering 1 in en", get("/page/thread", null, null));
    }

    @Test
    void onlyPagesAnsweredWith200AreKept() throws Exception {
        get("/page/missing", null, null);
        assertEquals("rendering 2 in en", get("/page/missing", null, null));
    }

    private String get(String path, String language, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.actualPort() + path)).timeout(Duration.ofSeconds(10));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
