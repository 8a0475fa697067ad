package hearth.node.forum;

import java.time.Duration;
import java.util.List;

/**
 * The lifetimes she may choose for a new post: it stays until she deletes it (0), or it
 * disappears by itself after 1, 7 or 30 days. Nothing else is accepted. Stateless.
 */
public final class Expiry {

    /** The choices, in the order the compose form offers them; 0 means "until I delete it". */
    public static final List<Integer> CHOICES = List.of(0, 1, 7, 30);

    private Expiry() {
    }

    public static boolean allowed(int days) {
        return CHOICES.contains(days);
    }

    /** When a post written at {@code now} disappears, or null if it stays. */
    static Long at(long now, int days) {
        if (!allowed(days)) {
            throw new IllegalArgumentException("a post lasts for ever or 1, 7 or 30 days, not " + days);
        }
        return days == 0 ? null : now + Duration.ofDays(days).toMillis();
    }
}
