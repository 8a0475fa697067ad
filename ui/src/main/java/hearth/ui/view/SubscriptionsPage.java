package hearth.ui.view;

import java.util.List;

/**
 * The blocklist subscriptions console (node admins): the subscribed lists with their trust and
 * last fetch, a form to add one, the weighing policy, the blocks the subscriptions applied and
 * where they came from, and the entries held for review. {@code errors} and {@code notices} are
 * shown at the top; the forms hold what she typed when a try failed.
 */
public record SubscriptionsPage(Chrome chrome, String csrf, List<Source> sources, AddForm add, PolicyForm policy,
                                List<Applied> applied, List<Held> held, List<String> errors, List<String> notices) {

    public SubscriptionsPage {
        sources = List.copyOf(sources);
        applied = List.copyOf(applied);
        held = List.copyOf(held);
        errors = List.copyOf(errors);
        notices = List.copyOf(notices);
    }

    /** One subscribed list; {@code lastError} is empty when its last fetch went well. */
    public record Source(String url, String kind, String trust, String lastFetched, String lastError,
                         String sequence, String trustAction, String removeAction) {
    }

    /** The "subscribe to a list" form as typed. */
    public record AddForm(String action, String url, String kind, String trust, List<Option> kinds) {
        public AddForm {
            kinds = List.copyOf(kinds);
        }
    }

    /** The policy form as stored or typed. */
    public record PolicyForm(String action, String thresholdKind, String thresholdValue, String merge, String maxNew,
                             List<Option> thresholdKinds, List<Option> merges) {
        public PolicyForm {
            thresholdKinds = List.copyOf(thresholdKinds);
            merges = List.copyOf(merges);
        }
    }

    /** A block applied from subscriptions: which lists caused it and since when. */
    public record Applied(String domain, String severity, String sources, String since, boolean approved) {
    }

    /** An entry waiting for review, with its approve and reject forms. */
    public record Held(String domain, String severity, String flags, String comment, String sources, String reason,
                       String since, String approveAction, String rejectAction) {
    }
}
