package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Accept;
import hearth.federation.activity.Activities;
import hearth.federation.activity.Activity;
import hearth.federation.activity.Announce;
import hearth.federation.activity.Create;
import hearth.federation.activity.Delete;
import hearth.federation.activity.Flag;
import hearth.federation.activity.Follow;
import hearth.federation.activity.Like;
import hearth.federation.activity.Lock;
import hearth.federation.activity.Reject;
import hearth.federation.activity.Undo;
import hearth.federation.activity.Update;
import hearth.federation.inbox.OriginRules;
import hearth.federation.json.Json;
import hearth.federation.object.Post;
import hearth.node.forum.FederatedPosts;
import hearth.node.store.Database;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Acts on verified activities from the inbox queue, oldest first, one at a time (so a Create
 * is always applied before the Update that follows it). The switch over {@link Activity} is the
 * list of what the inbox does with each kind: a Flag becomes reports in the moderation queue
 * ({@link FlagIntake}); a remote circle's removals and locks are applied by
 * {@link CircleModeration}, which checks they come from that circle's moderators.
 */
public final class InboxProcessor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class.getName());

    private final Database db;
    private final ContentIntake intake;
    private final FederatedPosts posts;
    private final Follows follows;
    private final RemoteActors actors;
    private final Backfill backfill;
    private final Outbox outbox;
    private final FlagIntake flags;
    private final CircleModeration moderation;
    private final Urls urls;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public InboxProcessor(Database db, ContentIntake intake, FederatedPosts posts, Follows follows, RemoteActors actors,
            Backfill backfill, Outbox outbox, FlagIntake flags, CircleModeration moderation, Urls urls, Clock clock) {
        this.db = db;
        this.intake = intake;
        this.posts = posts;
        this.follows = follows;
        this.actors = actors;
        this.backfill = backfill;
        this.outbox = outbox;
        this.flags = flags;
        this.moderation = moderation;
        this.urls = urls;
        this.clock = clock;
        this.thread = Thread.ofVirtual().name("hearth-inbox").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    public void nudge() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                List<String[]> pending = db.read(c -> InboxQueue.pending(c, 200));
                // Applied one by one, marked done together: one commit for the batch. After a crash the
                // unmarked ones are applied again, which every handler tolerates (ids are checked).
                java.util.Map<String, String> states = new java.util.LinkedHashMap<>();
                for (String[] item : pending) {
                    String state = "done";
                    try {
                        process(Json.parseObject(item[1].getBytes(StandardCharsets.UTF_8)));
                    } catch (RuntimeException e) {
                        state = "failed";
                        LOG.log(Level.INFO, "an inbound activity could not be applied: " + e.getMessage());
                    }
                    states.put(item[0], state);
                }
                if (!states.isEmpty()) {
                    db.write(c -> {
                        for (var e : states.entrySet()) {
                            InboxQueue.done(c, e.getKey(), e.getValue());
                        }
                        return null;
                    });
                }
                if (pending.isEmpty()) {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the inbox queue could not be read; trying again shortly", e);
                sleep();
            }
        }
    }

    void process(ObjectNode json) {
        Optional<Activity> parsed = Activities.fromJson(json);
        if (parsed.isEmpty()) {
            return;
        }
        switch (parsed.get()) {
            case Follow follow -> followed(follow);
            case Undo undo -> undone(undo);
            case Accept accept -> answered(accept.actor(), accept.followId(), Follows.ACCEPTED);
            case Reject reject -> answered(reject.actor(), reject.followId(), Follows.REJECTED);
            case Create create -> intake.take(create.object(), null, Json.string(json));
            case Update update -> intake.take(update.object(), null, Json.string(json));
            case Delete delete -> {
                if (!moderation.delete(delete, null)) {
                    deleted(delete, null, Json.string(json));
                }
            }
            case Announce announce -> announced(announce);
            // Reactions stay on the node they were given on: one from elsewhere is not stored or counted.
            case Like like -> {
            }
            case Flag flag -> flags.receive(flag);
            case Lock lock -> moderation.lock(lock, null, true);
        }
    }

    // ---- following

    private void followed(Follow follow) {
        Optional<Urls.Local> target = urls.local(follow.object());
        RemoteActor follower = actors.get(follow.actor());
        if (target.isPresent() && target.get().circle() != null && target.get().threadId() == null
                && posts.isLocalCircle(target.get().circle())) {
            String circle = target.get().circle();
            follows.addFollower(circle, follower.uri(), follower.deliveryInbox(), follow.id(), clock.millis());
            outbox.send(Accept.of(urls.activity("accept-" + hearth.node.store.Ids.next()), urls.circle(circle), follow),
                    ActorKeys.circlePath(circle), follower.inbox());
        } else if (target.isPresent() && target.get().pseudonymId() != null) {
            // Pseudonyms have no followers: following one would link her posts for a stranger.
            outbox.send(Reject.of(urls.activity("reject-" + hearth.node.store.Ids.next()), follow.object(), follow),
                    ActorKeys.pseudonymPath(target.get().pseudonymId()), follower.inbox());
        }
    }

    private void undone(Undo undo) {
        if (moderation.undo(undo, null)) {
            return;
        }
        if (undo.object() instanceof Follow follow) {
            urls.local(follow.object()).filter(l -> l.circle() != null)
                    .ifPresent(l -> follows.removeFollower(l.circle(), undo.actor()));
        } else if (undo.object() == null) {
            follows.removeFollowerByFollowId(undo.actor(), undo.objectId());
        }
    }

    private void answered(URI circleActor, URI followId, String state) {
        follows.followedByActor(circleActor)
                .filter(f -> f.followId().equals(followId.toString()))
                .ifPresent(f -> {
                    follows.setFollowed(f.circleName(), circleActor, followId, state, clock.millis());
                    if (state.equals(Follows.ACCEPTED)) {
                        backfill.circleLater(circleActor, f.circleName());
                    }
                });
    }

    // ---- what a followed circle passes on

    private void announced(Announce announce) {
        Optional<Follows.Followed> followed = follows.followedByActor(announce.actor())
                .filter(f -> f.state().equals(Follows.ACCEPTED) || f.state().equals(Follows.PENDING));
        if (followed.isEmpty() || announce.activity() == null) {
            return;
        }
        String circle = followed.get().circleName();
        Activity inner = announce.activity();
        boolean vouched = OriginRules.sameOrigin(inner.actor(), announce.actor());
        switch (inner) {
            case Create create -> relayed(create.object(), (ObjectNode) announce.embeddedJson().get("object"), vouched, circle);
            case Update update -> relayed(update.object(), (ObjectNode) announce.embeddedJson().get("object"), vouched, circle);
            case Delete delete -> {
                if (moderation.delete(delete, announce.actor())) {
                    return;
                }
                boolean byCircle = delete.actor().equals(announce.actor());
                if (vouched || byCircle || intake.goneAtOrigin(delete.object())) {
                    deleted(delete, circle, null);
                }
            }
            case Lock lock -> moderation.lock(lock, announce.actor(), true);
            case Undo undo -> moderation.undo(undo, announce.actor());
            default -> {
            }
        }
    }

    private void relayed(Post post, ObjectNode objectJson, boolean vouched, String circle) {
        Optional<Post> trusted = vouched ? Optional.of(post) : intake.trusted(objectJson);
        if (trusted.isEmpty()) {
            return;
        }
        FederatedPosts.Received result = intake.take(trusted.get(), circle, null);
        if (result == FederatedPosts.Received.REFUSED && !(trusted.get() instanceof hearth.federation.object.Page)) {
            // A reply in a thread this node has not seen yet: load the whole thread first.
            URI thread = trusted.get().context() != null ? trusted.get().context()
                    : ((hearth.federation.object.Note) trusted.get()).inReplyTo();
            if (thread != null) {
                backfill.thread(thread, circle);
                intake.take(trusted.get(), circle, null);
            }
        }
    }

    private void deleted(Delete delete, String remoteCircle, String activityJson) {
        Optional<FederatedPosts.ThreadKey> where = posts.threadOfRemotePost(delete.object());
        if (where.isEmpty()) {
            return;
        }
        boolean byCircle = remoteCircle != null && where.get().circleName().equals(remoteCircle)
                && posts.circleActor(remoteCircle).map(delete.actor()::equals).orElse(false);
        posts.receiveDelete(delete.object(), delete.actor(), byCircle, activityJson);
    }

    private void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
