package hearth.node.blocks;

import hearth.federation.blocklist.BlocklistFormatException;
import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Domains;
import hearth.federation.blocklist.Feed;
import hearth.federation.blocklist.FeedEntry;
import hearth.federation.blocklist.MastodonCsv;
import hearth.federation.blocklist.Severity;
import hearth.federation.blocklist.TargetKind;
import hearth.node.forum.FederatedPosts;
import hearth.node.moderation.ModLog;
import hearth.node.store.Database;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's blocks, asked on every inbound activity and outbound request, and changed by
 * moderators, the admin CLI and blocklist subscriptions.
 *
 * <p>Questions are answered from an in-memory snapshot, rebuilt after every change made here and
 * every {@link #REFRESH} (so a change made by another process, such as {@code ./hearth admin
 * import-blocklist}, is seen within seconds). Every change is one transaction that also writes
 * the public modlog, the published feed's history (a lift of a published entry becomes a
 * retraction) and its effects on stored content: a new suspension erases what came from there,
 * a silence keeps it out of listings and search.
 *
 * <pre>{@code
 * Blocks blocks = new Blocks(db, posts, false, List.of(), Clock.systemUTC());
 * blocks.start();
 * blocks.put(new DomainBlock("bad.example", Severity.SUSPEND, false, true, "harassment", "", false), true, moderatorId);
 * if (!blocks.federatesWith("bad.example")) { ... refuse ... }
 * }</pre>
 * Thread-safe; writes block on the store, so call them from a virtual thread.
 */
public final class Blocks implements AutoCloseable {

    /** How often the store is checked for changes made by another process. */
    public static final Duration REFRESH = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger(Blocks.class.getName());

    /** What an import did: entries read from the file, and how many of them changed a block. */
    public record ImportResult(int read, int changed) {
    }

    private final Database db;
    private final FederatedPosts posts;
    private final boolean allowlist;
    private final Set<String> allow;
    private final Clock clock;
    private final Thread refresher;
    private volatile Snapshot snapshot;
    private volatile boolean running = true;

    /**
     * @param allowlist federate only with the {@code allow} domains (and their subdomains)
     * @param allow     the partner domains; ignored in open mode except as partners for guards
     */
    public Blocks(Database db, FederatedPosts posts, boolean allowlist, Collection<String> allow, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.allowlist = allowlist;
        Set<String> partners = new LinkedHashSet<>();
        allow.forEach(d -> partners.add(Domains.normalize(d)));
        this.allow = Set.copyOf(partners);
        this.clock = clock;
        this.snapshot = db.read(c -> BlockStore.snapshot(c, allowlist, this.allow));
        this.refresher = Thread.ofVirtual().name("hearth-blocks").unstarted(this::refreshLoop);
    }

    /** Starts watching the store for changes made by other processes. */
    public void start() {
        refresher.start();
    }

    // ---- questions (from memory, never blocking)

    /** The severity that governs a server: its most specific entry's, or noop. */
    public Severity severityFor(String authority) {
        return snapshot.severityFor(authority);
    }

    /** The stronger of an actor's own block and her server's. */
    public Severity severityFor(URI actor) {
        return snapshot.severityFor(actor);
    }

    /** True when nothing from this actor is taken: she, or her server, is suspended or not federated with. */
    public boolean refusesActor(URI actor) {
        return snapshot.refusesActor(actor);
    }

    public boolean rejectsReportsFrom(String authority) {
        return snapshot.rejectsReportsFrom(authority);
    }

    /** False when the server is suspended, or when allow-list mode is on and it is not a partner. */
    public boolean federatesWith(String authority) {
        return snapshot.federatesWith(authority);
    }

    /** True when content from this actor must wait for a moderator. */
    public boolean holds(URI actor) {
        return severityFor(actor) == Severity.FILTER;
    }

    /** True when content from this actor is left out of public listings and search. */
    public boolean silences(URI actor) {
        return severityFor(actor) == Severity.SILENCE;
    }

    public boolean allowlistMode() {
        return allowlist;
    }

    /** The allow-listed partner domains, normalized. */
    public Set<String> partners() {
        return allow;
    }

    public List<DomainEntry> list() {
        return db.read(BlockStore::domains);
    }

    public Optional<DomainEntry> get(String domain) {
        String d = Domains.normalize(domain);
        return db.read(c -> BlockStore.domain(c, d));
    }

    public List<ActorBlock> actors() {
        return db.read(BlockStore::actors);
    }

    // ---- changes

    /**
     * Adds or changes a domain block; {@code shared} publishes it in the feed (an obfuscated
     * entry is never published). Returns false when the block was already exactly so.
     */
    public boolean put(DomainBlock block, boolean shared, String moderatorId) {
        return change(c -> DomainChanges.put(c, block, shared, moderatorId, clock.millis()) ? 1 : 0) > 0;
    }

    /** Lifts a domain block; a published one becomes a retraction in the feed. False when there was none. */
    public boolean lift(String domain, String moderatorId, String reason) {
        String d = Domains.normalize(domain);
        return change(c -> DomainChanges.lift(c, d, moderatorId, reason, clock.millis()) ? 1 : 0) > 0;
    }

    /** Blocks one remote actor. Returns false when she was already blocked exactly so. */
    public boolean putActor(URI actor, Severity severity, String comments, String moderatorId) {
        return change(c -> DomainChanges.putActor(c, new ActorBlock(Snapshot.withoutFragment(actor), severity, comments,
                clock.millis()), moderatorId) ? 1 : 0) > 0;
    }

    public boolean liftActor(URI actor, String moderatorId, String reason) {
        return change(c -> DomainChanges.liftActor(c, Snapshot.withoutFragment(actor), moderatorId, reason,
                clock.millis()) ? 1 : 0) > 0;
    }

    /** {@link #importCsv(Reader, boolean, String)}, not shared. */
    public ImportResult importCsv(Reader in, String moderatorId) throws BlocklistFormatException {
        return importCsv(in, false, moderatorId);
    }

    /**
     * Reads a Mastodon domain-block CSV and applies every line in one transaction: a bad line
     * refuses the whole file, with the line named. An entry already blocked keeps its private
     * comment when the file has none, and stays shared if it was.
     */
    public ImportResult importCsv(Reader in, boolean shared, String moderatorId) throws BlocklistFormatException {
        List<DomainBlock> read = MastodonCsv.read(in);
        int changed = change(c -> {
            int n = 0;
            for (DomainBlock block : read) {
                if (DomainChanges.importOne(c, block, shared, moderatorId, clock.millis())) {
                    n++;
                }
            }
            return n;
        });
        return new ImportResult(read.size(), changed);
    }

    /** Writes every domain block as Mastodon's CSV (private comments never). */
    public void exportCsv(Writer out) {
        MastodonCsv.write(list().stream().map(DomainEntry::block).toList(), out);
    }

    // ---- the published feed

    /** The published feed: every entry ever published (retractions included), with the latest sequence. */
    public Feed feed(URI id, URI issuer) {
        return db.read(c -> {
            List<FeedEntry> entries = FeedHistory.since(c, 0);
            Instant updated = entries.stream().map(FeedEntry::lastChanged).max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            return new Feed(id, issuer, FeedHistory.sequence(c), updated, entries);
        });
    }

    /** The published domain entries that stand (not retracted) as Mastodon's CSV, for tools that read only CSV. */
    public void sharedCsv(Writer out) {
        List<DomainBlock> standing = db.read(c -> FeedHistory.since(c, 0)).stream()
                .filter(e -> e.kind() == TargetKind.DOMAIN && !e.retracted())
                .sorted(Comparator.comparing(FeedEntry::target))
                .map(e -> new DomainBlock(e.target(), e.severity(), e.rejectMedia(), e.rejectReports(),
                        e.publicReason(), "", false))
                .toList();
        MastodonCsv.write(standing, out);
    }

    // ---- applying changes

    /** Work that writes blocks and returns how many changed. */
    @FunctionalInterface
    private interface Change {
        int run(Connection c) throws SQLException;
    }

    private record Outcome(int changed, Snapshot after, boolean contentTouched) {
    }

    private int change(Change work) {
        long now = clock.millis();
        Outcome outcome = db.write(c -> {
            // Write first, so the transaction holds SQLite's write lock before it reads: another
            // process (the node, or the admin CLI) committing in between cannot make it fail.
            BlockStore.bumpVersion(c);
            Snapshot before = BlockStore.snapshot(c, allowlist, allow);
            int changed = work.run(c);
            if (changed == 0) {
                return new Outcome(0, before, false);
            }
            Snapshot after = BlockStore.snapshot(c, allowlist, allow);
            return new Outcome(changed, after, Effects.apply(c, posts, before, after, now));
        });
        snapshot = outcome.after();
        if (outcome.contentTouched()) {
            posts.changed();
        }
        return outcome.changed();
    }

    private void refreshLoop() {
        while (running) {
            try {
                Thread.sleep(REFRESH.toMillis());
                refresh();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "blocks could not be re-read; trying again shortly", e);
            }
        }
    }

    /** Re-reads the blocks if another process changed them. */
    void refresh() {
        long version = db.read(BlockStore::version);
        if (version != snapshot.version()) {
            snapshot = db.read(c -> BlockStore.snapshot(c, allowlist, allow));
            posts.changed();
        }
    }

    @Override
    public void close() {
        running = false;
        refresher.interrupt();
    }
}
