package hearth.node;

import hearth.node.author.AuthorIds;
import hearth.node.author.PseudonymNames;
import hearth.node.blocks.Blocks;
import hearth.node.config.ConfigLoader;
import hearth.node.config.DataFolder;
import hearth.node.config.NodeConfig;
import hearth.node.federation.Federation;
import hearth.node.federation.FederationRoutes;
import hearth.node.forum.Expirer;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.ForumModeration;
import hearth.node.forum.ForumService;
import hearth.node.moderation.ModerationService;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.reactions.Reactions;
import hearth.node.reactions.Reactors;
import hearth.node.store.Database;
import hearth.node.store.SharedSecret;
import hearth.node.store.StorageUrl;
import hearth.node.search.SearchIndexer;
import hearth.node.web.ReaderPages;
import hearth.node.web.WebVerticle;
import hearth.search.PostIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import hearth.ui.text.PostFormatter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
    public record Settings(int port, String bind, Path data, Path config, String publicUrl,
                           boolean allowPrivateAddresses) {
        public Settings(int port, String bind, Path data, Path config, String publicUrl) {
            this(port, bind, data, config, publicUrl, false);
        }
    }

    private final Vertx vertx;
    private final Database db;
    private final PostIndex index;
    private final SearchIndexer indexer;
    private final WebVerticle web;
    private final URI publicUrl;

    /** Web verticle instances: how many requests are served at the same time. */
    static final int WEB_INSTANCES = 16;
    // Long enough that a page read by many costs one rendering a second; short enough that a change made by
    // another process on the same PostgreSQL database shows within a second. Local changes show at once.
    private static final Duration READER_PAGES_MAX_AGE = Duration.ofSeconds(1);
    private static final long READER_PAGES_MAX_BYTES = 16L << 20;

    private final Federation federation;
    private final Blocks blocks;
    private final Expirer expirer;
    private volatile hearth.node.metrics.NodeMetrics metrics;

    private HearthNode(Vertx vertx, Database db, PostIndex index, SearchIndexer indexer, WebVerticle web,
                       URI publicUrl, Federation federation, Blocks blocks, Expirer expirer) {
        this.expirer = expirer;
        this.federation = federation;
        this.blocks = blocks;
        this.vertx = vertx;
        this.db = db;
        this.index = index;
        this.indexer = indexer;
        this.web = web;
        this.publicUrl = publicUrl;
    }

    public static HearthNode start(Settings settings) {
        NodeConfig config = new ConfigLoader().load(settings.config());
        DataFolder data = DataFolder.open(settings.data());
        Database db = Database.open(StorageUrl.configured(config.storage().url()), data.database());
        byte[] secret;
        try {
            // Every process on one PostgreSQL database must derive tokens and ids from the same secret.
            secret = SharedSecret.resolve(db, data.secret());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        AuthorIds ids = new AuthorIds(secret);
        Vertx vertx = null;
        PostIndex index = null;
        SearchIndexer indexer = null;
        Federation federation = null;
        Blocks blocks = null;
        Expirer expirer = null;
        try {
            PostFormatter formatter = new PostFormatter();
            ForumService forum = new ForumService(db, formatter, new PseudonymNames(), Clock.systemUTC());
            forum.applyCircles(config.circles());
            ModerationService moderation = new ModerationService(db, new ForumModeration(forum), Clock.systemUTC());
            ModeratorAccounts accounts = new ModeratorAccounts(db, Clock.systemUTC());
            Reactions reactions = new Reactions(db, new Reactors(secret), Clock.systemUTC());
            blocks = new Blocks(db, new FederatedPosts(db, forum, Clock.systemUTC()),
                    config.federation().allowlistMode(), config.federation().allow(), Clock.systemUTC());
            blocks.start();
            Blocks nodeBlocks = blocks;
            index = openIndex(data, config);
            indexer = SearchIndexer.start(index, forum, formatter, data.searchIndex());

            String declared = settings.publicUrl();
            boolean https = declared != null && declared.startsWith("https://");
            vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
                    new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false)));
            var federationRef = new java.util.concurrent.atomic.AtomicReference<Federation>();
            // A virtual-thread verticle handles its next request only once the current one finishes or
            // awaits, and JDBC blocks without awaiting: several instances serve requests side by side.
            var instances = new java.util.concurrent.CopyOnWriteArrayList<WebVerticle>();
            PostIndex searchIndex = index;
            // One set of visitor limits for all instances: a visitor's requests reach any of them.
            var visitorLimits = new hearth.node.limits.VisitorLimits(config.limits(), System::nanoTime);
            // One cache of the pages readers without a cookie get, for all instances.
            var readerPages = new ReaderPages(db::commits, READER_PAGES_MAX_AGE, READER_PAGES_MAX_BYTES);
            await(vertx.deployVerticle(() -> {
                WebVerticle instance = new WebVerticle(settings.bind(), settings.port(), config, forum, searchIndex,
                        ids, https, new FederationRoutes(federationRef::get), moderation, accounts, nodeBlocks,
                        federationRef::get, reactions, visitorLimits, readerPages);
                instances.add(instance);
                return instance;
            }, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD).setInstances(WEB_INSTANCES)));
            WebVerticle web = instances.get(0);
            URI url = URI.create(declared != null ? stripSlash(declared) : "http://127.0.0.1:" + web.actualPort());
            boolean allowPrivate = settings.allowPrivateAddresses() || config.federation().allowPrivateAddresses();
            federation = Federation.start(vertx, db, forum, formatter, config, url, allowPrivate, blocks,
                    Clock.systemUTC());
            federationRef.set(federation);
            // A report on another node's post is forwarded as soon as it is filed.
            moderation.onReport(federation.flags()::nudge);
            // Started once federation follows the change sequence, so an expired post's Delete goes out.
            expirer = new Expirer(forum.traces(), Expirer.EVERY);
            expirer.start();
            HearthNode node = new HearthNode(vertx, db, index, indexer, web, url, federation, blocks, expirer);
            if (config.metrics().enabled()) {
                node.metrics = await(hearth.node.metrics.NodeMetrics.start(vertx, config.metrics(), db,
                        forum::lastChange, indexer::appliedSequence));
            }
            return node;
        } catch (RuntimeException e) {
            if (expirer != null) {
                expirer.close();
            }
            if (federation != null) {
                federation.close();
            }
            if (vertx != null) {
                vertx.close();
            }
            if (blocks != null) {
                blocks.close();
            }
            closeSearch(indexer, index);
            db.close();
            throw e;
        }
    }

    /** Drops the search index of the node in {@code dataFolder} and rebuilds it from the database. */
    public static long reindex(Path dataFolder, Path configFile) {
        NodeConfig config = new ConfigLoader().load(configFile);
        DataFolder data = DataFolder.open(dataFolder);
        try (Database db = Database.open(StorageUrl.configured(config.storage().url()), data.database())) {
            PostFormatter formatter = new PostFormatter();
            ForumService forum = new ForumService(db, formatter, new PseudonymNames(), Clock.systemUTC());
            PostIndex index = openIndex(data, config);
            try {
                return SearchIndexer.rebuild(index, forum, formatter);
            } finally {
                closeSearch(null, index);
            }
        }
    }

    /** Opens the node's search index in its data folder, with an analyzer for each configured language. */
    public static PostIndex openIndex(DataFolder data, NodeConfig config) {
        try {
            return PostIndex.open(data.searchIndex(), config.node().languages());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index " + data.searchIndex()
                    + " (is another Hearth process using this data folder?): " + e.getMessage(), e);
        }
    }

    private static void closeSearch(SearchIndexer indexer, PostIndex index) {
        try {
            if (indexer != null) {
                indexer.close();
            }
        } finally {
            if (index != null) {
                try {
                    index.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    public int port() {
        return web.actualPort();
    }

    /** The web server's routes, one line each ("POST /c/:circle/new"); see {@link WebVerticle#routeTable()}. */
    public java.util.List<String> routeTable() {
        return web.routeTable();
    }

    public URI publicUrl() {
        return publicUrl;
    }

    /** The metrics endpoint's port, or -1 when metrics are off. */
    public int metricsPort() {
        return metrics == null ? -1 : metrics.port();
    }

    /** Stops serving, lets requests in flight finish, commits the search index, and closes the database. */
    @Override
    public void close() {
        try {
            if (metrics != null) {
                metrics.close();
            }
            expirer.close();
            federation.close();
            blocks.close();
            await(vertx.close());
        } finally {
            try {
                closeSearch(indexer, index);
            } finally {
                db.close();
            }
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
