package hearth.node.federation;

import hearth.node.blocks.Blocks;
import hearth.node.blocks.subscriptions.Download;
import hearth.node.blocks.subscriptions.Refresher;
import hearth.node.blocks.subscriptions.SourceReader;
import hearth.node.blocks.subscriptions.Subscriptions;
import hearth.node.config.NodeConfig;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.ForumService;
import hearth.node.store.Database;
import hearth.ui.text.PostFormatter;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Federation, assembled: the parts of this package wired together and started. The node creates
 * one at start and closes it at stop; routes reach the parts through it.
 */
public final class Federation implements AutoCloseable {

    public static final String VERSION = "0.1.0";

    private final Urls urls;
    private final FederatedPosts posts;
    private final LocalActors actors;
    private final LocalObjects objects;
    private final Follows follows;
    private final InboxVerifier verifier;
    private final InboxQueue queue;
    private final HostLimit inboxLimit;
    private final Outbound outbound;
    private final DeliveryWorker deliveries;
    private final Publisher publisher;
    private final InboxProcessor processor;
    private final Following following;
    private final FlagForwarder flagForwarder;
    private final String nodeName;
    private final Subscriptions subscriptions;
    private final Refresher refresher;

    private final ActorKeys keys;

    private Federation(Vertx vertx, Database db, ForumService forum, PostFormatter formatter, NodeConfig config,
            URI publicUrl, boolean allowPrivate, Blocks blocks, Clock clock) {
        this.urls = new Urls(publicUrl);
        this.nodeName = config.node().name();
        this.posts = new FederatedPosts(db, forum, clock);
        ActorKeys keys = new ActorKeys(db, clock);
        this.keys = keys;
        this.actors = new LocalActors(urls, keys, forum, posts, nodeName);
        this.objects = new LocalObjects(urls, keys, clock);
        this.follows = new Follows(db);
        this.outbound = new Outbound(vertx, allowPrivate, clock, "Hearth/" + VERSION + " (+" + urls.base() + ")");
        Fetcher fetcher = new Fetcher(outbound, keys, urls, blocks);
        RemoteActors remote = new RemoteActors(db, fetcher, clock);
        this.verifier = new InboxVerifier(remote, blocks, clock);
        NodeConfig.InboxLimit limit = config.federation().inboxLimit();
        this.inboxLimit = new HostLimit(limit.perSecond(), limit.burst(), System::nanoTime);
        this.deliveries = new DeliveryWorker(db, outbound, new Signers(keys, urls), blocks, clock,
                RetrySchedule.of(config.federation().delivery()), config.federation().delivery().attemptTimeout());
        Outbox outbox = new Outbox(db, deliveries, clock);
        ContentIntake intake = new ContentIntake(posts, remote, fetcher, formatter, urls, blocks);
        Backfill backfill = new Backfill(fetcher, remote, intake);
        CircleModeration moderation = new CircleModeration(posts, new CircleModerators(fetcher, clock), urls);
        this.processor = new InboxProcessor(db, intake, posts, follows, remote, backfill, outbox,
                new FlagIntake(db, posts, urls, clock), moderation, urls, clock);
        this.queue = new InboxQueue(db, clock, processor::nudge);
        this.publisher = new Publisher(db, forum, posts, objects, remote, deliveries, urls, clock);
        this.following = new Following(db, follows, posts, remote, fetcher, outbox, urls, allowPrivate, blocks, clock);
        following.requestFromConfig(config.federation().follow());
        this.flagForwarder = new FlagForwarder(db, remote, deliveries, urls, clock);
        Download download = (uri, timeout) -> outbound.get(uri, Urls.keyId(urls.nodeActor()),
                keys.rsa(ActorKeys.nodePath()).getPrivate(), timeout);
        this.subscriptions = new Subscriptions(db, blocks, new SourceReader(download, remote), urls.host(),
                blocks::partners, clock);
        this.refresher = new Refresher(subscriptions, Duration.ofMinutes(config.blocklists().refreshMinutes()),
                Duration.ofMinutes(1));
    }

    public static Federation start(Vertx vertx, Database db, ForumService forum, PostFormatter formatter,
            NodeConfig config, URI publicUrl, boolean allowPrivate, Blocks blocks, Clock clock) {
        Federation federation = new Federation(vertx, db, forum, formatter, config, publicUrl, allowPrivate, blocks,
                clock);
        federation.deliveries.start();
        federation.processor.start();
        federation.publisher.start();
        federation.following.start();
        federation.flagForwarder.start();
        federation.refresher.start();
        return federation;
    }

    public Urls urls() {
        return urls;
    }

    public FederatedPosts posts() {
        return posts;
    }

    public LocalActors actors() {
        return actors;
    }

    public LocalObjects objects() {
        return objects;
    }

    /** The keys of this node's actors (the node's own signs the published blocklist). */
    public ActorKeys keys() {
        return keys;
    }

    public Follows follows() {
        return follows;
    }

    public InboxVerifier verifier() {
        return verifier;
    }

    public InboxQueue queue() {
        return queue;
    }

    /** How fast each remote server may deliver to the inboxes. */
    HostLimit inboxLimit() {
        return inboxLimit;
    }

    public String nodeName() {
        return nodeName;
    }

    public FederatedPosts.Usage usage() {
        return posts.usage();
    }

    /** Forwards reports on posts from other servers to where they come from. */
    public FlagForwarder flags() {
        return flagForwarder;
    }

    /** Blocklist subscriptions: the console's service; the refresher runs with this federation. */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    public void close() {
        refresher.close();
        flagForwarder.close();
        following.close();
        publisher.close();
        processor.close();
        queue.close();
        deliveries.close();
        outbound.close();
    }
}
