package hearth.bench.federation;

import hearth.federation.keys.RsaKeys;
import hearth.federation.object.Actor;
import hearth.federation.object.ActorType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A remote server with {@code count} Person actors, each with its own RSA key, serving their
 * actor documents so the node can check their signatures. Runs on loopback in this process.
 */
final class FakeActors implements AutoCloseable {

    private final HttpServer server;
    private final KeyPair[] keys;
    private volatile String base;

    FakeActors(Vertx vertx, int count) throws Exception {
        keys = new KeyPair[count];
        for (int i = 0; i < count; i++) {
            keys[i] = RsaKeys.generate();
        }
        server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (!path.startsWith("/users/u")) {
                request.response().setStatusCode(404).end();
                return;
            }
            int i = Integer.parseInt(path.substring("/users/u".length()));
            URI id = URI.create(base + "/users/u" + i);
            Actor actor = new Actor(id, ActorType.PERSON, "u" + i, "Bench reader " + i, null, id,
                    URI.create(id + "/inbox"), null, null, null, null,
                    new Actor.PublicKey(URI.create(id + "#main-key"), id, RsaKeys.publicPem(keys[i].getPublic())),
                    List.of());
            request.response().putHeader("Content-Type", "application/activity+json")
                    .end(hearth.federation.json.Json.string(actor.toJson()));
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
    }

    URI actor(int i) {
        return URI.create(base + "/users/u" + i);
    }

    String keyId(int i) {
        return actor(i) + "#main-key";
    }

    java.security.PrivateKey key(int i) {
        return keys[i].getPrivate();
    }

    int count() {
        return keys.length;
    }

    String base() {
        return base;
    }

    @Override
    public void close() {
        server.close();
    }
}
