package hearth.node.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.inbox.OriginRules;
import hearth.federation.json.Fields;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who moderates a remote circle, as the circle itself publishes it: the collection its actor
 * names as {@code moderators} (Lemmy names it {@code attributedTo}). Only a collection on the
 * circle's own server counts, so nobody else can make herself a moderator. Lists are kept a few
 * minutes; a circle that cannot be read has no moderators but itself until it can.
 * Thread-safe; blocks on the network the first time a circle is asked about.
 */
final class CircleModerators {

    private static final Duration FRESH = Duration.ofMinutes(10);
    private static final Duration AFTER_FAILURE = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** More names than this on a moderators list are not read. */
    static final int MAX_LISTED = 500;

    private record Listed(Set<URI> actors, long until) {
    }

    private final Fetcher fetcher;
    private final Clock clock;
    private final Map<URI, Listed> cache = new ConcurrentHashMap<>();

    CircleModerators(Fetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** True when the circle lists {@code actor} among its moderators. */
    boolean lists(URI circle, URI actor) {
        long now = clock.millis();
        Listed listed = cache.get(circle);
        if (listed == null || listed.until() < now) {
            listed = read(circle, now);
            cache.put(circle, listed);
        }
        return listed.actors().contains(actor);
    }

    private Listed read(URI circle, long now) {
        try {
            ObjectNode group = fetcher.fetchJson(circle, TIMEOUT);
            URI collection = collectionOf(group);
            if (collection == null || !OriginRules.sameOrigin(collection, circle)) {
                return new Listed(Set.of(), now + FRESH.toMillis());
            }
            ObjectNode list = fetcher.fetchJson(collection, TIMEOUT);
            Set<URI> actors = new HashSet<>();
            items(list, actors);
            JsonNode first = list.get("first");
            if (actors.isEmpty() && first != null) {
                items(first.isObject() ? first : fetcher.fetchJson(Fields.idOf(first, "first"), TIMEOUT), actors);
            }
            return new Listed(Set.copyOf(actors), now + FRESH.toMillis());
        } catch (RuntimeException e) {
            return new Listed(Set.of(), now + AFTER_FAILURE.toMillis());
        }
    }

    private static URI collectionOf(ObjectNode group) {
        URI moderators = Fields.id(group, "moderators");
        if (moderators != null) {
            return moderators;
        }
        JsonNode attributed = group.get("attributedTo");
        return attributed != null && attributed.isTextual() ? Fields.idOf(attributed, "attributedTo") : null;
    }

    private static void items(JsonNode page, Set<URI> into) {
        for (String field : new String[] {"orderedItems", "items"}) {
            JsonNode items = page.get(field);
            if (items != null && items.isArray()) {
                for (JsonNode item : items) {
                    if (into.size() >= MAX_LISTED) {
                        return;
                    }
                    try {
                        into.add(Fields.idOf(item, field));
                    } catch (Fields.Malformed e) {
                        // an entry that names nobody is passed over
                    }
                }
            }
        }
    }
}
