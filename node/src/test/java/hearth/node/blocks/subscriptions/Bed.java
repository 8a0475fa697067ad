package hearth.node.blocks.subscriptions;

import hearth.federation.blocklist.DomainBlock;
import hearth.node.author.PseudonymNames;
import hearth.node.blocks.Blocks;
import hearth.node.blocks.DomainEntry;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.ForumService;
import hearth.ui.text.PostFormatter;
import hearth.node.federation.ActorKeys;
import hearth.node.federation.Fetcher;
import hearth.node.federation.Outbound;
import hearth.node.federation.RemoteActors;
import hearth.node.federation.Urls;
import hearth.node.moderation.ModLog;
import hearth.node.store.Backend;
import hearth.node.store.Database;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A subscribing node without its web server: a fresh database, the real {@link Blocks} service,
 * and {@link Subscriptions} fetching over loopback through the node's own {@link Outbound}
 * (private addresses allowed, as for local testing). The node believes it is
 * {@code hearth.test}; {@code partners} are its allow-listed domains.
 */
final class Bed implements AutoCloseable {

    static final String OWN_HOST = "hearth.test";

    final Database db;
    final Blocks blocks;
    final Subscriptions subs;
    private final Vertx vertx;
    private final Outbound outbound;

    private Bed(Backend backend, List<String> partners) {
        this.db = backend.open();
        this.vertx = Vertx.vertx();
        Clock clock = Clock.systemUTC();
        this.outbound = new Outbound(vertx, true, clock, "Hearth-test");
        Urls urls = new Urls(URI.create("http://" + OWN_HOST));
        ActorKeys keys = new ActorKeys(db, clock);
        ForumService forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), clock);
        this.blocks = new Blocks(db, new FederatedPosts(db, forum, clock), false, partners, clock);
        blocks.start();
        RemoteActors actors = new RemoteActors(db, new Fetcher(outbound, keys, urls, blocks), clock);
        Download download = (uri, timeout) -> outbound.get(uri, Urls.keyId(urls.nodeActor()),
                keys.rsa(ActorKeys.nodePath()).getPrivate(), timeout);
        this.subs = new Subscriptions(db, blocks, new SourceReader(download, actors), OWN_HOST, () -> partners, clock);
    }

    static Bed start(Backend backend) {
        return new Bed(backend, List.of());
    }

    static Bed withPartners(Backend backend, String... partners) {
        return new Bed(backend, List.of(partners));
    }

    /** The blocks in force now, by domain. */
    Map<String, DomainBlock> blocked() {
        return blocks.list().stream().collect(Collectors.toMap(DomainEntry::domain, DomainEntry::block));
    }

    /** A block a moderator made by hand. */
    void blockByHand(DomainBlock block) {
        blocks.put(block, false, "moderator-1");
    }

    List<ModLog.Entry> modlog() {
        return db.read(c -> ModLog.latest(c, null, 1000));
    }

    List<String> pendingDomains() {
        return subs.pending().stream().map(Review::domain).toList();
    }

    Review pending(String domain) {
        return subs.pending().stream().filter(r -> r.domain().equals(domain)).findFirst()
                .orElseThrow(() -> new AssertionError(domain + " is not waiting for review; waiting: " + pendingDomains()));
    }

    Source source(String id) {
        return subs.sources().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        blocks.close();
        outbound.close();
        vertx.close().await();
        db.close();
    }
}
