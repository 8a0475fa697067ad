package hearth.node.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The ui library's static files, read once at start and served from memory with an ETag.
 * Only the listed files exist; nothing is read from disk per request.
 */
final class StaticAssets {

    private static final Map<String, String> FILES = Map.of(
            "hearth.css", "text/css; charset=utf-8",
            "hearth.js", "text/javascript; charset=utf-8");

    private record Asset(Buffer bytes, String type, String etag) {
    }

    private final Map<String, Asset> assets;

    StaticAssets() {
        this.assets = FILES.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> load(e.getKey(), e.getValue())));
    }

    void register(Router router) {
        router.get("/static/:file").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        Asset asset = assets.get(ctx.pathParam("file"));
        if (asset == null) {
            ctx.next();
            return;
        }
        if (asset.etag().equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).putHeader("ETag", asset.etag()).end();
            return;
        }
        ctx.response()
                .putHeader("Content-Type", asset.type())
                .putHeader("Cache-Control", "public, max-age=3600")
                .putHeader("ETag", asset.etag())
                .end(asset.bytes());
    }

    private static Asset load(String name, String type) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/hearth/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("static asset missing from the build: " + name);
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8) + "\"";
            return new Asset(Buffer.buffer(bytes), type, etag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
