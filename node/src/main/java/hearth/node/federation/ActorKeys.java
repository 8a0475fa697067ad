package hearth.node.federation;

import hearth.federation.keys.Ed25519Keys;
import hearth.federation.keys.RsaKeys;
import hearth.node.store.Database;
import java.security.KeyPair;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing keys of this node's actors: an RSA pair for HTTP signatures and an Ed25519 pair
 * for object proofs. A pair is made the first time an actor needs one and kept in the store, so
 * a pseudonym that never federates never gets keys. Thread-safe; calls may block on the store.
 */
public final class ActorKeys {

    /** One actor's keys. */
    public record Pair(KeyPair rsa, KeyPair ed25519) {
    }

    private final Database db;
    private final Clock clock;
    private final Map<String, Pair> cache = new ConcurrentHashMap<>();

    public ActorKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
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

    /** The actor's keys, created and stored now if it has none. */
    public Pair of(String actorPath) {
        Pair known = cache.get(actorPath);
        if (known != null) {
            return known;
        }
        Pair pair = load(actorPath);
        if (pair == null) {
            pair = create(actorPath);
        }
        cache.put(actorPath, pair);
        return pair;
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
                    KeyPair rsa = new KeyPair(RsaKeys.parsePublicPem(r.getString(2)), RsaKeys.parsePrivatePem(r.getString(1)));
                    Base64.Decoder b64 = Base64.getDecoder();
                    KeyPair ed = new KeyPair(Ed25519Keys.publicFromRaw(b64.decode(r.getString(4))),
                            Ed25519Keys.privateFromBytes(b64.decode(r.getString(3))));
                    return new Pair(rsa, ed);
                }
            }
        });
    }

    private Pair create(String actorPath) {
        KeyPair rsa = RsaKeys.generate();
        KeyPair ed = Ed25519Keys.generate();
        Base64.Encoder b64 = Base64.getEncoder();
        db.write(c -> {
            // Two requests may race to create the same actor's keys: the first insert wins.
            try (PreparedStatement s = c.prepareStatement("INSERT INTO actor_key (actor_path, rsa_private, rsa_public,"
                    + " ed_private, ed_public, created_at) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM actor_key WHERE actor_path = ?)")) {
                s.setString(1, actorPath);
                s.setString(2, RsaKeys.privatePem(rsa.getPrivate()));
                s.setString(3, RsaKeys.publicPem(rsa.getPublic()));
                s.setString(4, b64.encodeToString(Ed25519Keys.privateToBytes(ed.getPrivate())));
                s.setString(5, b64.encodeToString(Ed25519Keys.rawPublic(ed.getPublic())));
                s.setLong(6, clock.millis());
                s.setString(7, actorPath);
                s.executeUpdate();
            }
            return null;
        });
        return load(actorPath);
    }
}
