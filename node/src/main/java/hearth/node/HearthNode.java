package hearth.node;

import hearth.node.author.AuthorIds;
import hearth.node.author.PseudonymNames;
import hearth.node.config.ConfigLoader;
import hearth.node.config.DataFolder;
import hearth.node.config.NodeConfig;
import hearth.node.forum.ForumService;
import hearth.node.store.Database;
import hearth.node.web.WebVerticle;
import hearth.ui.text.PostFormatter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running Hearth node: configuration, data folder, database, forum and web server.
 *
 * <pre>{@code
 * try (HearthNode node = HearthNode.start(new HearthNode.Settings(8080, "127.0.0.1", Path.of("data"), null, null))) {
 *     System.out.println(node.publicUrl());
 * }
 * }</pre>
 */
public final class HearthNode implements AutoCloseable {

    /**
     * How to start a node.
     *
     * @param port      0 picks a free port
     * @param config    the configuration file, or null for the bundled example
     * @param publicUrl the address readers use, or null for http://127.0.0.1:PORT
     */
    public record Settings(int port, String bind, Path data, Path config, String publicUrl) {
    }

    private final Vertx vertx;
    private final Database db;
    private final WebVerticle web;
    private final URI publicUrl;

    private HearthNode(Vertx vertx, Database db, WebVerticle web, URI publicUrl) {
        this.vertx = vertx;
        this.db = db;
        this.web = web;
        this.publicUrl = publicUrl;
    }

    public static HearthNode start(Settings settings) {
        NodeConfig config = new ConfigLoader().load(settings.config());
        DataFolder data = DataFolder.open(settings.data());
        AuthorIds ids = new AuthorIds(data.secret());
        Database db = Database.sqlite(data.database());
        Vertx vertx = null;
        try {
            ForumService forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), Clock.systemUTC());
            forum.applyCircles(config.circles());

            String declared = settings.publicUrl();
            boolean https = declared != null && declared.startsWith("https://");
            vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
                    new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false)));
            WebVerticle web = new WebVerticle(settings.bind(), settings.port(), config, forum, ids, https);
            await(vertx.deployVerticle(web, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD)));
            URI url = URI.create(declared != null ? stripSlash(declared) : "http://127.0.0.1:" + web.actualPort());
            return new HearthNode(vertx, db, web, url);
        } catch (RuntimeException e) {
            if (vertx != null) {
                vertx.close();
            }
            db.close();
            throw e;
        }
    }

    public int port() {
        return web.actualPort();
    }

    public URI publicUrl() {
        return publicUrl;
    }

    /** Stops serving, lets requests in flight finish, and closes the database. */
    @Override
    public void close() {
        try {
            await(vertx.close());
        } finally {
            db.close();
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out while starting or stopping", e);
        }
    }
}
