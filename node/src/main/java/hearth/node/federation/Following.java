package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Follow;
import hearth.federation.activity.Undo;
import hearth.federation.discovery.Handle;
import hearth.federation.discovery.WebFinger;
import hearth.node.blocks.Blocks;
import hearth.node.forum.FederatedPosts;
import hearth.node.store.Database;
import hearth.node.store.Ids;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out the operator's follows and unfollows (from {@code ./hearth admin follow} or the
 * configuration): finds the circle by WebFinger, keeps a circle row for its threads, and sends
 * the node actor's Follow, or the Undo. Requests are rows in the store, so the command works
 * whether or not the node is running; a running node picks them up within seconds.
 */
public final class Following implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Following.class.getName());
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final Database db;
    private final Follows follows;
    private final FederatedPosts posts;
    private final RemoteActors actors;
    private final Fetcher fetcher;
    private final Outbox outbox;
    private final Urls urls;
    private final boolean plainHttp;
    private final Blocks blocks;
    private final Clock clock;
    private final Map<String, Long> lastTried = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public Following(Database db, Follows follows, FederatedPosts posts, RemoteActors actors, Fetcher fetcher,
            Outbox outbox, Urls urls, boolean plainHttp, Blocks blocks, Clock clock) {
        this.db = db;
        this.follows = follows;
        this.posts = posts;
        this.actors = actors;
        this.fetcher = fetcher;
        this.outbox = outbox;
        this.urls = urls;
        this.plainHttp = plainHttp;
        this.blocks = blocks;
        this.clock = clock;
        this.thread = Thread.ofVirtual().name("hearth-following").unstarted(this::run);
    }

    /** Records follows from the configuration that the store does not know yet. */
    public void requestFromConfig(java.util.List<String> handles) {
        long now = clock.millis();
        for (String handle : handles) {
            boolean known = db.read(c -> {
                try (var s = c.prepareStatement("SELECT 1 FROM followed_circle WHERE circle_name = ?")) {
                    s.setString(1, handle);
                    try (var r = s.executeQuery()) {
                        return r.next();
                    }
                }
            });
            if (!known) {
                db.write(c -> {
                    Follows.request(c, handle, now);
                    return null;
                });
            }
        }
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                for (Follows.Followed wanted : follows.followed(Follows.REQUESTED)) {
                    Long last = lastTried.get(wanted.circleName());
                    if (last == null || clock.millis() - last > RETRY.toMillis()) {
                        lastTried.put(wanted.circleName(), clock.millis());
                        follow(wanted.circleName());
                    }
                }
                for (Follows.Followed leaving : follows.followed(Follows.UNFOLLOWING)) {
                    unfollow(leaving);
                }
                wake.tryAcquire(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "following remote circles failed; trying again shortly", e);
            }
        }
    }

    void follow(String handleText) {
        try {
            Handle handle = Handle.parse(handleText);
            if (!blocks.federatesWith(handle.host())) {
                throw new Outbound.Failed("refused: this node does not federate with " + handle.host());
            }
            ObjectNode jrd = fetcher.fetchJson(WebFinger.lookupUri(handle, plainHttp ? "http" : "https"),
                    Duration.ofSeconds(10));
            URI actorId = WebFinger.actorId(jrd).orElseThrow(() -> new Outbound.Failed("no ActivityPub actor"));
            if (blocks.refusesActor(actorId)) {
                throw new Outbound.Failed("refused: that circle is blocked here");
            }
            RemoteActor circle = actors.refresh(actorId);
            if (!circle.kind().equals("Group")) {
                throw new Outbound.Failed("not a circle (a " + circle.kind() + ")");
            }
            String title = circle.displayName() == null || circle.displayName().isBlank() ? handleText
                    : circle.displayName().strip() + " · " + circle.host();
            posts.ensureRemoteCircle(handleText, ContentIntake.clip(title, 200), "Followed from " + circle.host() + ".",
                    actorId);
            Follow follow = new Follow(urls.activity("follow-" + Ids.next()), urls.nodeActor(), actorId);
            follows.setFollowed(handleText, actorId, follow.id(), Follows.PENDING, clock.millis());
            outbox.send(follow, ActorKeys.nodePath(), circle.inbox());
            LOG.info("asked to follow " + handleText);
        } catch (RuntimeException e) {
            LOG.info("could not follow " + handleText + " yet: " + e.getMessage());
        }
    }

    private void unfollow(Follows.Followed leaving) {
        if (leaving.actor() != null && !leaving.followId().isEmpty()) {
            RemoteActor circle = actors.get(leaving.actor());
            Follow follow = new Follow(URI.create(leaving.followId()), urls.nodeActor(), leaving.actor());
            outbox.send(Undo.of(urls.activity("undo-" + Ids.next()), urls.nodeActor(), follow), ActorKeys.nodePath(),
                    circle.inbox());
        }
        follows.forget(leaving.circleName());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
