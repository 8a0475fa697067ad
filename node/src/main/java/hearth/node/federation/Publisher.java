package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Activities;
import hearth.federation.activity.Activity;
import hearth.federation.activity.Announce;
import hearth.federation.activity.Create;
import hearth.federation.activity.Delete;
import hearth.federation.activity.Update;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import hearth.node.forum.FederatedPost;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.ForumService;
import hearth.node.forum.PostChange;
import hearth.node.federation.PublishedState.Told;
import hearth.node.store.Database;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's author: follows the store's change sequence (as the search index does) and turns
 * each change to a post into the activities other servers must hear of.
 *
 * <ul>
 *   <li>A post in one of this node's circles is announced by the circle to its followers: a
 *       local post as its pseudonym's Create/Update/Delete, a remote post as the activity that
 *       brought it, unchanged (FEP-1b12).</li>
 *   <li>A local post in a remote circle is sent by its pseudonym to that circle, which passes it on.</li>
 *   <li>When a circle's moderators remove or restore a post, or lock or unlock a thread, the
 *       circle tells its followers ({@link ModerationActivities}). A held post is not published
 *       until it is approved.</li>
 * </ul>
 * The deliveries and the new position in the sequence are committed together, and activity ids
 * are derived from the change, so after a crash the same change queues nothing twice.
 */
public final class Publisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Publisher.class.getName());
    private static final int BATCH = 100;

    private enum Kind { CREATE, UPDATE, DELETE }

    private final Database db;
    private final ForumService forum;
    private final FederatedPosts posts;
    private final LocalObjects objects;
    private final RemoteActors actors;
    private final DeliveryWorker worker;
    private final Urls urls;
    private final ModerationActivities moderations;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public Publisher(Database db, ForumService forum, FederatedPosts posts, LocalObjects objects, RemoteActors actors,
            DeliveryWorker worker, Urls urls, Clock clock) {
        this.db = db;
        this.forum = forum;
        this.posts = posts;
        this.objects = objects;
        this.actors = actors;
        this.worker = worker;
        this.urls = urls;
        this.moderations = new ModerationActivities(urls, objects);
        this.clock = clock;
        this.thread = Thread.ofVirtual().name("hearth-outbox").unstarted(this::run);
        forum.onChange(wake::release);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                if (publishSome() < BATCH) {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the outbox could not publish a change; trying again shortly", e);
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * Publishes the next changes; returns how many it looked at. A batch is planned first, then
     * queued in one transaction with the new position in the sequence, so a burst of posts costs
     * one commit here rather than one each.
     */
    int publishSome() {
        long cursor = db.read(Publisher::cursor);
        List<PostChange> changes = forum.changesSince(cursor, BATCH);
        if (changes.isEmpty()) {
            return 0;
        }
        // A post changed twice in one batch is planned the second time against what the first will have told.
        Map<String, Told> toldInBatch = new HashMap<>();
        Map<String, Boolean> followed = new HashMap<>();
        List<Planned> batch = new ArrayList<>();
        for (PostChange change : changes) {
            Planned planned = plan(change, toldInBatch, followed);
            if (planned.plan().told() != null) {
                toldInBatch.put(planned.post().id(), planned.plan().told());
            }
            batch.add(planned);
        }
        long last = changes.getLast().sequence();
        boolean queued = db.write(c -> {
            int added = 0;
            for (Planned planned : batch) {
                added += queue(c, planned);
            }
            setCursor(c, last);
            return added > 0;
        });
        if (queued) {
            worker.nudge();
        }
        return changes.size();
    }

    /** One change's post (null if it is gone) and what to send for it. */
    private record Planned(FederatedPost post, Plan plan) {
    }

    private Planned plan(PostChange change, Map<String, Told> toldInBatch, Map<String, Boolean> followed) {
        FederatedPost post = posts.post(change.postId()).orElse(null);
        if (post == null) {
            return new Planned(null, Plan.NOTHING);
        }
        FederatedPosts.Moderation moderation = posts.moderation(post.id()).orElse(null);
        if (moderation == null) {
            return new Planned(post, Plan.NOTHING);
        }
        Told told = toldInBatch.containsKey(post.id()) ? toldInBatch.get(post.id())
                : db.read(c -> PublishedState.read(c, post.id()));
        // A circle nobody follows has nobody to tell: what followers would have been told is still
        // recorded, but nothing is written, signed or queued. A follower whose Follow lands while the
        // batch is planned hears from the next change on, as one arriving a moment later would.
        boolean listened = !post.inLocalCircle() || followed.computeIfAbsent(post.circleName(),
                circle -> db.read(c -> Follows.followed(c, circle)));
        Plan plan = plan(post, moderation, told, change.sequence(), listened);
        return new Planned(post, listened ? plan : new Plan(List.of(), plan.told()));
    }

    private int queue(Connection c, Planned planned) throws SQLException {
        FederatedPost post = planned.post();
        int added = 0;
        for (Outgoing outgoing : planned.plan().outgoing()) {
            Set<URI> inboxes = outgoing.toFollowers ? Follows.inboxes(c, post.circleName()) : outgoing.inboxes;
            added += Deliveries.enqueue(c, outgoing.activityId, outgoing.body, outgoing.signer, inboxes, clock.millis());
        }
        if (planned.plan().told() != null) {
            PublishedState.write(c, post.id(), planned.plan().told());
        }
        return added;
    }

    /** What to send for one change, and what followers will then have been told (null: as before). */
    private record Plan(List<Outgoing> outgoing, Told told) {
        static final Plan NOTHING = new Plan(List.of(), null);
    }

    /**
     * Compares the post with what followers were told. A held post is not published at all until a
     * moderator lets it through (then it goes out as a new post); a removed one is taken back with
     * the circle's Delete and its words are not sent again, edits included, until it is restored.
     * Only this node's circles speak for their moderators; a removal here of a post in a remote
     * circle changes this node's view alone.
     */
    private Plan plan(FederatedPost post, FederatedPosts.Moderation moderation, Told told, long sequence,
            boolean listened) {
        if (moderation.held()) {
            return Plan.NOTHING;
        }
        boolean ours = post.inLocalCircle();
        boolean removed = ours && moderation.removed();
        List<Outgoing> out = new ArrayList<>();
        if (told == null) {
            if (post.deleted() || removed) {
                return Plan.NOTHING;   // never told, so nothing to take back
            }
            content(out, post, Kind.CREATE, sequence, listened);
            Told next = new Told(PublishedState.LIVE, post.editedAt(), null, null);
            return new Plan(out, locking(out, post, moderation, next, ours, sequence));
        }
        if (!told.live()) {
            return Plan.NOTHING;
        }
        if (post.deleted()) {
            content(out, post, Kind.DELETE, sequence, listened);
            return new Plan(out, new Told(PublishedState.DELETED, post.editedAt(), null, null));
        }
        Told next = told;
        if (removed && told.removalId() == null) {
            next = next.withRemoval(moderated(out, post, moderations.removal(post, moderation.removedReason(), sequence)));
        } else if (!removed && told.removalId() != null) {
            moderated(out, post, moderations.restore(post, told.removalId(), sequence));
            next = next.withRemoval(null);
        }
        if (!removed && !Objects.equals(told.editedAt(), post.editedAt())) {
            content(out, post, Kind.UPDATE, sequence, listened);
            next = next.withEdit(post.editedAt());
        }
        next = locking(out, post, moderation, next, ours, sequence);
        return new Plan(out, next.equals(told) ? null : next);
    }

    /** A thread's lock travels with its opening post. */
    private Told locking(List<Outgoing> out, FederatedPost post, FederatedPosts.Moderation moderation, Told told,
            boolean ours, long sequence) {
        if (!ours || !post.opening()) {
            return told;
        }
        if (moderation.threadLocked() && told.lockId() == null) {
            return told.withLock(moderated(out, post, moderations.lock(post, sequence)));
        }
        if (!moderation.threadLocked() && told.lockId() != null) {
            moderated(out, post, moderations.unlock(post, told.lockId(), sequence));
            return told.withLock(null);
        }
        return told;
    }

    /** Adds what followers hear of the post's content; nothing is made when nobody listens. */
    private void content(List<Outgoing> out, FederatedPost post, Kind kind, long sequence, boolean listened) {
        if (!listened) {
            return;
        }
        Outgoing outgoing = outgoing(post, kind, sequence);
        if (outgoing != null) {
            out.add(outgoing);
        }
    }

    /** Adds a circle's moderation activity for its followers; returns the id of what it carries. */
    private static String moderated(List<Outgoing> out, FederatedPost post, ModerationActivities.Outgoing activity) {
        Announce announce = activity.announce();
        out.add(new Outgoing(announce.id(), Json.bytes(announce.toJson()), ActorKeys.circlePath(post.circleName()),
                true, Set.of()));
        return activity.innerId().toString();
    }

    private record Outgoing(URI activityId, byte[] body, String signer, boolean toFollowers, Set<URI> inboxes) {
    }

    private Outgoing outgoing(FederatedPost post, Kind kind, long sequence) {
        if (post.inLocalCircle()) {
            ObjectNode inner = post.local() ? authored(post, kind) : received(post);
            if (inner == null) {
                return null;
            }
            Activity activity = Activities.fromJson(inner).orElseThrow();
            URI circle = urls.circle(post.circleName());
            Announce announce = Announce.of(urls.activity("announce-" + sequence + "-" + post.id()), circle, activity,
                    inner, urls.circleFollowers(post.circleName()));
            return new Outgoing(announce.id(), Json.bytes(announce.toJson()), ActorKeys.circlePath(post.circleName()),
                    true, Set.of());
        }
        if (!post.local()) {
            return null;
        }
        ObjectNode activity = authored(post, kind);
        URI inbox = actors.cached(post.circleActor()).orElseGet(() -> actors.get(post.circleActor())).inbox();
        return new Outgoing(URI.create(activity.get("id").asText()), Json.bytes(activity),
                ActorKeys.pseudonymPath(post.pseudonymId()), false, Set.of(inbox));
    }

    /** What her pseudonym says about her own post. */
    private ObjectNode authored(FederatedPost post, Kind kind) {
        URI person = urls.person(post.pseudonymId());
        URI circle = objects.circleOf(post);
        List<URI> to = List.of(circle, URI.create(Fields.PUBLIC));
        ObjectNode json = switch (kind) {
            case CREATE -> new Create(urls.activity("create-" + post.id()), person, objects.describe(post), to,
                    List.of()).toJson();
            case UPDATE -> new Update(urls.activity("update-" + post.id() + "-" + post.editedAt()), person,
                    objects.describe(post), to, List.of()).toJson();
            case DELETE -> new Delete(urls.activity("delete-" + post.id()), person, objects.idOf(post), null, circle,
                    to, List.of()).toJson();
        };
        if (kind != Kind.DELETE) {
            json.set("object", objects.signed(post));
        }
        return json;
    }

    /** The activity that brought a remote post, passed on as it came. */
    private static ObjectNode received(FederatedPost post) {
        if (post.activityJson() == null) {
            return null;
        }
        return Json.parseObject(post.activityJson().getBytes(StandardCharsets.UTF_8));
    }

    // ---- bookkeeping

    static long cursor(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM federation_cursor WHERE name = 'outbox'");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static void setCursor(Connection c, long value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE federation_cursor SET value = ? WHERE name = 'outbox'")) {
            s.setLong(1, value);
            s.executeUpdate();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
