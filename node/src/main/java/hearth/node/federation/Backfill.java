package hearth.node.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.inbox.OriginRules;
import hearth.federation.json.Fields;
import hearth.federation.object.Page;
import hearth.federation.object.Post;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads whole conversations from a followed circle, so nobody sees half a thread: when this node
 * starts following (the circle's outbox, then each thread's {@code context} collection), and when
 * a reply arrives in a thread it has not seen. Each post is checked like a relayed one: served by
 * its own origin, or carrying a valid proof of its author, or fetched from its origin.
 */
public final class Backfill {

    static final int THREADS = 20;
    static final int POSTS_PER_THREAD = 1_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(Backfill.class.getName());

    private final Fetcher fetcher;
    private final RemoteActors actors;
    private final ContentIntake intake;

    public Backfill(Fetcher fetcher, RemoteActors actors, ContentIntake intake) {
        this.fetcher = fetcher;
        this.actors = actors;
        this.intake = intake;
    }

    /** Loads a circle's recent threads in the background. */
    public void circleLater(URI circleActor, String circleName) {
        Thread.ofVirtual().name("hearth-backfill").start(() -> {
            try {
                circle(circleActor, circleName);
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "backfilling a followed circle failed: " + e.getMessage());
            }
        });
    }

    public void circle(URI circleActor, String circleName) {
        RemoteActor circle = actors.get(circleActor);
        if (circle.outbox() == null) {
            return;
        }
        List<JsonNode> items = items(fetcher.fetchJson(circle.outbox(), TIMEOUT), THREADS);
        for (JsonNode item : items) {
            // An outbox item is an Announce of a Create of the thread's Page (or the Create itself).
            JsonNode object = item;
            while (object.isObject() && object.has("object") && !isPost(object)) {
                object = object.get("object");
            }
            if (object.isObject() && isPost(object)) {
                Post post = Post.fromJson(object);
                if (post instanceof Page) {
                    thread(post.context() != null ? post.context() : post.id(), circleName);
                }
            }
        }
    }

    /** Loads one thread from its context collection (or, lacking one, just its Page). */
    public void thread(URI contextOrPage, String circleName) {
        ObjectNode json = fetcher.fetchJson(contextOrPage, TIMEOUT);
        if (isPost(json)) {
            take(json, contextOrPage, circleName);
            return;
        }
        List<JsonNode> items = new ArrayList<>(items(json, POSTS_PER_THREAD));
        // The thread's Page first, so its replies have a thread to go to.
        items.sort((a, b) -> Boolean.compare(!"Page".equals(a.path("type").asText()), !"Page".equals(b.path("type").asText())));
        for (JsonNode item : items) {
            try {
                ObjectNode object = item.isTextual()
                        ? fetcher.fetchJson(Fields.uri(item.asText(), "item"), TIMEOUT) : (ObjectNode) item;
                if (isPost(object)) {
                    take(object, contextOrPage, circleName);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a post of a backfilled thread was skipped: " + e.getMessage());
            }
        }
    }

    private void take(ObjectNode object, URI servedFrom, String circleName) {
        Post claimed = Post.fromJson(object);
        Optional<Post> trusted = OriginRules.sameOrigin(claimed.id(), servedFrom)
                && OriginRules.sameOrigin(claimed.attributedTo(), claimed.id())
                ? Optional.of(claimed) : intake.trusted(object);
        trusted.ifPresent(post -> intake.take(post, circleName, null));
    }

    private List<JsonNode> items(ObjectNode collection, int limit) {
        JsonNode items = collection.has("orderedItems") ? collection.get("orderedItems") : collection.get("items");
        if (items == null && collection.has("first")) {
            JsonNode first = collection.get("first");
            ObjectNode page = first.isObject() ? (ObjectNode) first
                    : fetcher.fetchJson(Fields.uri(first.asText(), "first"), TIMEOUT);
            items = page.has("orderedItems") ? page.get("orderedItems") : page.get("items");
        }
        List<JsonNode> out = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(item);
            }
        }
        return out;
    }

    private static boolean isPost(JsonNode json) {
        String type = json.path("type").asText();
        return type.equals("Page") || type.equals("Note") || type.equals("Article");
    }
}
