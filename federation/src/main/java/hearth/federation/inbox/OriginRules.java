package hearth.federation.inbox;

import hearth.federation.activity.Accept;
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
import java.net.URI;
import java.util.Objects;

/**
 * Same-origin rules: an actor speaks only for its own server. The activity's id must be on the
 * actor's server; a post it creates or edits must be on that server and attributed to it; what
 * it undoes must be its own activity, on that server. Deletes and locks are not checked here:
 * a circle and its moderators (Lemmy sends removals and locks from the moderator's account) may
 * remove and lock posts written elsewhere in it, which the node checks against the thread's circle.
 * An Announce may carry an activity from anywhere: that one must keep these rules too, and its
 * authenticity is checked on its own, by its proof or by fetching it from its origin.
 *
 * <pre>{@code
 * OriginRules.check(activity);   // throws Refused with a short reason
 * }</pre>
 * Stateless and thread-safe.
 */
public final class OriginRules {

    /** The activity breaks an origin rule. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private OriginRules() {
    }

    public static void check(Activity activity) {
        requireSameOrigin(activity.id(), activity.actor(), "the activity id is not on the actor's server");
        switch (activity) {
            case Create create -> {
                requireSameOrigin(create.object().id(), create.actor(), "the post is not on the actor's server");
                requireEqual(create.object().attributedTo(), create.actor(), "the post is attributed to someone else");
            }
            case Update update -> {
                requireSameOrigin(update.object().id(), update.actor(), "the post is not on the actor's server");
                requireEqual(update.object().attributedTo(), update.actor(), "the post is attributed to someone else");
            }
            case Delete delete -> {
                // A circle may remove posts from elsewhere; the node checks it is the post's circle.
            }
            case Undo undo -> {
                if (undo.object() != null) {
                    requireEqual(undo.object().actor(), undo.actor(), "an actor can only undo its own activities");
                }
                requireSameOrigin(undo.objectId(), undo.actor(), "the undone activity is not on the actor's server");
            }
            case Follow follow -> {
            }
            case Accept accept -> {
                if (accept.follow() != null) {
                    requireEqual(accept.follow().object(), accept.actor(), "only the followed actor can accept");
                }
            }
            case Reject reject -> {
                if (reject.follow() != null) {
                    requireEqual(reject.follow().object(), reject.actor(), "only the followed actor can reject");
                }
            }
            case Announce announce -> {
                if (announce.activity() != null) {
                    check(announce.activity());
                }
            }
            case Like like -> {
            }
            case Flag flag -> {
            }
            case Lock lock -> {
            }
        }
    }

    /** True when both ids are on the same server (scheme, host and port). */
    public static boolean sameOrigin(URI a, URI b) {
        return a != null && b != null && Objects.equals(a.getScheme(), b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static void requireSameOrigin(URI id, URI actor, String reason) {
        if (!sameOrigin(id, actor)) {
            throw new Refused(reason);
        }
    }

    private static void requireEqual(URI a, URI b, String reason) {
        if (!Objects.equals(a, b)) {
            throw new Refused(reason);
        }
    }
}
