package hearth.node.blocks.subscriptions;

import hearth.node.blocks.Blocks;
import hearth.node.federation.Outbound;
import hearth.node.moderation.ModLog;
import hearth.node.store.Database;
import hearth.ui.i18n.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Blocklist subscriptions, the service: sources and their trust, the policy, refreshing, and the
 * review queue. After every change the sources' entries are weighed again and applied through
 * {@link Blocks}.
 *
 * <pre>{@code
 * Subscriptions subs = new Subscriptions(db, blocks, new SourceReader(download, remoteActors),
 *         urls.host(), blocks::partners, Clock.systemUTC());
 * String id = subs.addSource("https://a.example/blocklist.json", "hearth", 1.0);
 * subs.refreshAll();
 * }</pre>
 *
 * Thread-safe: fetches run outside any lock; storing what they brought, weighing and applying
 * run one at a time. Calls block on the network and the store: call them from virtual threads.
 */
public final class Subscriptions {

    /** More sources than this is a list of lists, not a circle of trusted peers. */
    public static final int MAX_SOURCES = 50;
    public static final double MAX_TRUST = 100;

    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

    private final Database db;
    private final SourceReader reader;
    private final Reconciler reconciler;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Runnable refreshRequests = () -> { };

    public Subscriptions(Database db, Blocks blocks, SourceReader reader, String ownHost,
                         Supplier<? extends Collection<String>> partners, Clock clock) {
        this(db, AppliedBlocks.of(blocks), reader, ownHost, partners, clock);
    }

    Subscriptions(Database db, AppliedBlocks blocks, SourceReader reader, String ownHost,
                  Supplier<? extends Collection<String>> partners, Clock clock) {
        this.db = db;
        this.reader = reader;
        this.reconciler = new Reconciler(db, blocks, ownHost, partners);
        this.clock = clock;
    }

    // ---- reading

    public List<Source> sources() {
        return db.read(SourceStore::sources);
    }

    public Policy policy() {
        return db.read(SourceStore::policy);
    }

    /** Reviews waiting for a moderator, oldest first. */
    public List<Review> pending() {
        return db.read(c -> Ledger.reviews(c, Review.State.PENDING));
    }

    /** Blocks in force because of subscriptions, by domain. */
    public List<AppliedBlock> applied() {
        return db.read(Ledger::appliedBlocks);
    }

    /** Which sources caused the block of {@code domain} and when (source id to time); empty for a hand-made block. */
    public Map<String, Long> provenance(String domain) {
        return db.read(c -> Ledger.provenance(c, domain));
    }

    // ---- changing

    /** Subscribes to a list; it is fetched on the next refresh. @return the new source's id */
    public String addSource(String url, String kind, double trust) {
        URI uri = checkUrl(url);
        SourceKind k = SourceKind.parse(kind);
        checkTrust(trust);
        return locked(() -> db.write(c -> {
            if (SourceStore.hasUrl(c, uri)) {
                throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.duplicate"));
            }
            if (SourceStore.count(c) >= MAX_SOURCES) {
                throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.tooMany", MAX_SOURCES));
            }
            return SourceStore.insert(c, uri, k, trust, clock.millis());
        }));
    }

    /** Unsubscribes: what only this source caused is lifted ("retracted by" it). */
    public void removeSource(String id) {
        locked(() -> {
            Source source = existing(id);
            reconciler.run(Set.of(source.id()), clock.millis());
            db.write(c -> {
                SourceStore.delete(c, source.id());
                return null;
            });
            return null;
        });
    }

    public void setTrust(String id, double trust) {
        checkTrust(trust);
        locked(() -> {
            Source source = existing(id);
            db.write(c -> {
                SourceStore.setTrust(c, source.id(), trust);
                return null;
            });
            reconciler.run(Set.of(), clock.millis());
            return null;
        });
    }

    public void setPolicy(Policy policy) {
        locked(() -> {
            db.write(c -> {
                SourceStore.setPolicy(c, policy);
                return null;
            });
            reconciler.run(Set.of(), clock.millis());
            return null;
        });
    }

    /** Applies a held entry as proposed; its sources are recorded, and it is lifted once none of them lists it. */
    public void approve(String reviewId, String moderatorId) {
        locked(() -> {
            Review review = waiting(reviewId);
            long now = clock.millis();
            db.write(c -> Ledger.decide(c, review.id(), Review.State.APPROVED, now));
            reconciler.apply(review.proposed(), review.sourceIds(), true, moderatorId, now);
            return null;
        });
    }

    /** Declines a held entry: it is not proposed again unless the sources come to ask for something harsher. */
    public void reject(String reviewId, String moderatorId) {
        locked(() -> {
            Review review = waiting(reviewId);
            long now = clock.millis();
            db.write(c -> {
                Ledger.decide(c, review.id(), Review.State.REJECTED, now);
                ModLog.record(c, now, null, "blocklist-declined", "a moderator declined the proposed block",
                        Reconciler.target(review.proposed()), moderatorId);
                return null;
            });
            return null;
        });
    }

    // ---- refreshing

    /** Asks the node's {@link Refresher} for a refresh soon (the console's "refresh now"); returns at once. */
    public void requestRefresh() {
        refreshRequests.run();
    }

    /** Where {@link #requestRefresh()} goes: the refresher attaches itself. */
    void onRefreshRequest(Runnable request) {
        this.refreshRequests = request;
    }

    /** Fetches every source now, then weighs and applies. Returns at once if a refresh is already running. */
    public void refreshAll() {
        refreshDue(Long.MAX_VALUE);
    }

    /** Fetches the sources last fetched longer than {@code olderThanMillis} ago (or never), then weighs and applies. */
    public void refreshDue(long olderThanMillis) {
        if (!refreshing.tryLock()) {
            return;
        }
        try {
            long now = clock.millis();
            for (Source source : sources()) {
                if (olderThanMillis == Long.MAX_VALUE || source.lastFetchedAt() == null
                        || now - source.lastFetchedAt() >= olderThanMillis) {
                    refresh(source);
                }
            }
            locked(() -> {
                reconciler.run(Set.of(), clock.millis());
                return null;
            });
        } finally {
            refreshing.unlock();
        }
    }

    private void refresh(Source source) {
        SourceReader.Fetched fetched;
        try {
            fetched = reader.read(source);
        } catch (SourceReader.Refused refused) {
            failed(source, "refused: " + refused.getMessage(), true);
            return;
        } catch (Outbound.Failed failed) {
            failed(source, "could not fetch: " + failed.getMessage(), false);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a blocklist source could not be read", e);
            failed(source, "could not read the answer", false);
            return;
        }
        long now = clock.millis();
        locked(() -> db.write(c -> {
            FetchResults.accepted(c, source, fetched, now);
            return null;
        }));
    }

    private void failed(Source source, String error, boolean refused) {
        long now = clock.millis();
        locked(() -> db.write(c -> {
            FetchResults.failed(c, source, error, refused, now);
            return null;
        }));
    }

    // ---- checks

    private Source existing(String id) {
        return db.read(c -> SourceStore.source(c, id))
                .orElseThrow(() -> new SubscriptionProblem(Text.of("moderation.subscriptions.problem.gone")));
    }

    private Review waiting(String id) {
        return db.read(c -> Ledger.review(c, id)).filter(r -> r.state() == Review.State.PENDING)
                .orElseThrow(() -> new SubscriptionProblem(Text.of("moderation.subscriptions.problem.reviewGone")));
    }

    static URI checkUrl(String url) {
        String text = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.notAddress"));
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawFragment() != null || text.length() > 500) {
            throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.address"));
        }
        return uri;
    }

    private static void checkTrust(double trust) {
        if (!(trust > 0 && trust <= MAX_TRUST)) {
            throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.trust", (int) MAX_TRUST));
        }
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
