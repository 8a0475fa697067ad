package hearth.node.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Json;
import hearth.federation.keys.RsaKeys;
import hearth.federation.object.Actor;
import hearth.federation.proof.Multikey;
import hearth.node.store.Database;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Actors on other servers: fetched with a signed GET, checked (the document must be served
 * from the id it claims, and its key must belong to it), cached in memory and in the store.
 * A cached actor is fetched again after a day, or at once when a signature fails to verify
 * with the cached key (the actor may have a new key). Thread-safe.
 */
public final class RemoteActors {

    private static final Duration FRESH = Duration.ofDays(1);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final Database db;
    private final Fetcher fetcher;
    private final Clock clock;
    private final Map<URI, RemoteActor> memory = new ConcurrentHashMap<>();

    public RemoteActors(Database db, Fetcher fetcher, Clock clock) {
        this.db = db;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The actor, from the cache when fresh, else fetched. */
    public RemoteActor get(URI uri) {
        URI id = withoutFragment(uri);
        RemoteActor known = memory.get(id);
        if (known == null) {
            known = load(id).orElse(null);
        }
        if (known != null && clock.millis() - known.fetchedAt() < FRESH.toMillis()) {
            memory.put(id, known);
            return known;
        }
        return refresh(id);
    }

    /** Fetches the actor now, whatever the cache holds. */
    public RemoteActor refresh(URI uri) {
        URI id = withoutFragment(uri);
        JsonNode json = fetcher.fetchJson(id, FETCH_TIMEOUT);
        Actor actor = Actor.fromJson(json);
        if (!withoutFragment(actor.id()).equals(id)) {
            throw new Outbound.Failed("the actor document names another id");
        }
        RemoteActor remote = toRemote(actor);
        store(remote, json);
        memory.put(id, remote);
        return remote;
    }

    public Optional<RemoteActor> cached(URI uri) {
        URI id = withoutFragment(uri);
        RemoteActor known = memory.get(id);
        return known != null ? Optional.of(known) : load(id);
    }

    public static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    private RemoteActor toRemote(Actor actor) {
        java.security.PublicKey key = null;
        String keyId = null;
        if (actor.publicKey() != null) {
            if (!withoutFragment(actor.publicKey().owner()).equals(actor.id())) {
                throw new Outbound.Failed("the actor's key belongs to someone else");
            }
            keyId = actor.publicKey().id().toString();
            key = RsaKeys.parsePublicPem(actor.publicKey().pem());
        }
        Map<String, byte[]> multikeys = new HashMap<>();
        for (Actor.Multikey method : actor.assertionMethods()) {
            if (withoutFragment(method.controller()).equals(actor.id())) {
                try {
                    multikeys.put(method.id().toString(), Multikey.decodeEd25519(method.publicKeyMultibase()));
                } catch (IllegalArgumentException ignored) {
                    // A key Hearth cannot read is a key it does not trust.
                }
            }
        }
        return new RemoteActor(actor.id(), Urls.authorityOf(actor.id()), actor.type().wireName(),
                actor.preferredUsername(), actor.name(), actor.inbox(), actor.sharedInbox(), actor.outbox(),
                actor.followers(), keyId, key, multikeys, clock.millis());
    }

    private void store(RemoteActor actor, JsonNode json) {
        ObjectNode keys = Json.object();
        actor.multikeys().forEach((id, raw) -> keys.put(id, Multikey.encodeEd25519(raw)));
        String pem = json.path("publicKey").isObject() ? json.path("publicKey").path("publicKeyPem").asText(null) : null;
        db.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM remote_actor WHERE uri = ?")) {
                delete.setString(1, actor.uri().toString());
                delete.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO remote_actor (uri, host, kind, handle,"
                    + " display_name, inbox, shared_inbox, outbox, followers, key_id, public_key, multikeys, fetched_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, actor.uri().toString());
                s.setString(2, actor.host());
                s.setString(3, actor.kind());
                s.setString(4, clip(actor.handle()));
                s.setString(5, clip(actor.displayName()));
                s.setString(6, actor.inbox().toString());
                s.setString(7, text(actor.sharedInbox()));
                s.setString(8, text(actor.outbox()));
                s.setString(9, text(actor.followers()));
                s.setString(10, actor.keyId());
                s.setString(11, pem);
                s.setString(12, Json.string(keys));
                s.setLong(13, actor.fetchedAt());
                s.executeUpdate();
            }
            return null;
        });
    }

    private Optional<RemoteActor> load(URI id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT uri, host, kind, handle, display_name, inbox,"
                    + " shared_inbox, outbox, followers, key_id, public_key, multikeys, fetched_at FROM remote_actor WHERE uri = ?")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.<RemoteActor>empty();
                }
            }
        });
    }

    private static RemoteActor read(ResultSet r) throws SQLException {
        Map<String, byte[]> multikeys = new HashMap<>();
        Json.parseObject(r.getString(12).getBytes(java.nio.charset.StandardCharsets.UTF_8)).properties()
                .forEach(e -> multikeys.put(e.getKey(), Multikey.decodeEd25519(e.getValue().asText())));
        String pem = r.getString(11);
        return new RemoteActor(URI.create(r.getString(1)), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), URI.create(r.getString(6)), uri(r.getString(7)), uri(r.getString(8)),
                uri(r.getString(9)), r.getString(10), pem == null ? null : RsaKeys.parsePublicPem(pem), multikeys,
                r.getLong(13));
    }

    private static URI uri(String text) {
        return text == null ? null : URI.create(text);
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }

    private static String clip(String text) {
        return text == null ? null : text.length() > 200 ? text.substring(0, 200) : text;
    }
}
