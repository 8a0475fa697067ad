package hearth.node.federation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import hearth.federation.keys.Ed25519Keys;
import hearth.federation.keys.RsaKeys;
import hearth.node.store.Database;
import java.security.KeyPair;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The signing keys of this node's actors: an Ed25519 pair for object proofs and an RSA pair for
 * HTTP signatures and the actor document. The node and its circles get both the first time they
 * need a key: they sign every delivery. A pseudonym gets her RSA pair only when an HTTP signature
 * or her actor document needs it (a 2048-bit pair costs tens of milliseconds of CPU, more than
 * the rest of her post, and a pseudonym whose posts only this node's circles pass on never
 * needs one). Keys are kept in the store, so a pseudonym that never federates never gets any.
 * Thread-safe; calls may block on the store. Within a process one thread makes an actor's keys
 * while the others asking for them wait: a new pseudonym's first post goes out to many inboxes at
 * once, and each delivery making its own pair to throw away cost most of the CPU of a fan-out.
 */
public final class ActorKeys {

    /** One actor's keys as stored; {@code rsa} is null until first asked for. */
    private record Pair(KeyPair rsa, KeyPair ed25519) {
    }

    private static final int KEPT_ACTORS = 10_000;
    private static final int LOCK_STRIPES = 64;

    private final Database db;
    private final Clock clock;
    private final Supplier<KeyPair> newRsaPair;
    /** The keys of the actors signing now: the node, its circles, the pseudonyms of recent posts. */
    private final Cache<String, Pair> cache = Caffeine.newBuilder().maximumSize(KEPT_ACTORS).build();
    /** One lock per stripe of actors, so memory stays fixed however many pseudonyms there are. */
    private final ReentrantLock[] making = new ReentrantLock[LOCK_STRIPES];

    public ActorKeys(Database db, Clock clock) {
        this(db, clock, RsaKeys::generate);
    }

    /** As above, with the maker of new RSA pairs given (tests count how many are made). */
    ActorKeys(Database db, Clock clock, Supplier<KeyPair> newRsaPair) {
        this.db = db;
        this.clock = clock;
        this.newRsaPair = newRsaPair;
        Arrays.setAll(making, i -> new ReentrantLock());
    }

    public static String nodePath() {
        return "node";
    }

    public static String circlePath(String circle) {
        return "circle/" + circle;
    }

    public static String pseudonymPath(String pseudonymId) {
        return "pseudonym/" + pseudonymId;
    }

    /** The actor's Ed25519 pair, created and stored now if it has none. */
    public KeyPair ed25519(String actorPath) {
        return stored(actorPath).ed25519();
    }

    /** The actor's RSA pair, created and stored now if it has none. */
    public KeyPair rsa(String actorPath) {
        Pair pair = stored(actorPath);
        if (pair.rsa() != null) {
            return pair.rsa();
        }
        return whileMaking(actorPath, () -> {
            Pair known = cache.getIfPresent(actorPath);
            if (known != null && known.rsa() != null) {
                return known.rsa(); // made by the thread this one waited for
            }
            rsaFor(actorPath);
            Pair updated = load(actorPath);
            cache.put(actorPath, updated);
            return updated.rsa();
        });
    }

    /** Runs {@code work} while no other thread of this process makes keys for the same actor. */
    private <T> T whileMaking(String actorPath, Supplier<T> work) {
        ReentrantLock lock = making[Math.floorMod(actorPath.hashCode(), making.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Adds an RSA pair to the actor's stored keys, unless another process got there first. */
    private void rsaFor(String actorPath) {
        KeyPair rsa = newRsaPair.get();
        db.write(c -> {
            // Two processes may race to add the same actor's pair: the first update wins.
            try (PreparedStatement s = c.prepareStatement("UPDATE actor_key SET rsa_private = ?, rsa_public = ?"
                    + " WHERE actor_path = ? AND rsa_private IS NULL")) {
                s.setString(1, RsaKeys.privatePem(rsa.getPrivate()));
                s.setString(2, RsaKeys.publicPem(rsa.getPublic()));
                s.setString(3, actorPath);
                s.executeUpdate();
            }
            return null;
        });
    }

    private Pair stored(String actorPath) {
        Pair known = cache.getIfPresent(actorPath);
        if (known != null) {
            return known;
        }
        return whileMaking(actorPath, () -> {
            Pair again = cache.getIfPresent(actorPath);
            if (again != null) {
                return again; // made or loaded by the thread this one waited for
            }
            Pair pair = load(actorPath);
            if (pair == null) {
                pair = create(actorPath);
            }
            cache.put(actorPath, pair);
            return pair;
        });
    }

    private Pair load(String actorPath) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT rsa_private, rsa_public, ed_private, ed_public FROM actor_key WHERE actor_path = ?")) {
                s.setString(1, actorPath);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    KeyPair rsa = r.getString(1) == null ? null
                            : new KeyPair(RsaKeys.parsePublicPem(r.getString(2)), RsaKeys.parsePrivatePem(r.getString(1)));
                    Base64.Decoder b64 = Base64.getDecoder();
                    KeyPair ed = new KeyPair(Ed25519Keys.publicFromRaw(b64.decode(r.getString(4))),
                            Ed25519Keys.privateFromBytes(b64.decode(r.getString(3))));
                    return new Pair(rsa, ed);
                }
            }
        });
    }

    private Pair create(String actorPath) {
        KeyPair ed = Ed25519Keys.generate();
        Base64.Encoder b64 = Base64.getEncoder();
        db.write(c -> {
            // Two processes may race to create the same actor's keys: the first insert wins.
            try (PreparedStatement s = c.prepareStatement("INSERT INTO actor_key (actor_path, ed_private, ed_public,"
                    + " created_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM actor_key WHERE actor_path = ?)")) {
                s.setString(1, actorPath);
                s.setString(2, b64.encodeToString(Ed25519Keys.privateToBytes(ed.getPrivate())));
                s.setString(3, b64.encodeToString(Ed25519Keys.rawPublic(ed.getPublic())));
                s.setLong(4, clock.millis());
                s.setString(5, actorPath);
                s.executeUpdate();
            }
            return null;
        });
        if (!actorPath.startsWith(pseudonymPath(""))) {
            rsaFor(actorPath);
        }
        return load(actorPath);
    }
}
