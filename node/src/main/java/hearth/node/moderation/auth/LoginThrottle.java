package hearth.node.moderation.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing, in memory, keyed by the account name she typed and nothing else (never
 * an address: Hearth does not look at them).
 *
 * <pre>{@code
 * Duration wait = throttle.waitBefore(name, now);
 * if (!wait.isZero()) { return tryAgainIn(wait); }        // do not even check the password
 * if (signInSucceeds) { throttle.succeeded(name); } else { throttle.failed(name, now); }
 * }</pre>
 *
 * <p>Per name, the first {@value #FREE_FAILURES} failures cost nothing; each further one locks
 * the name for twice as long as the one before, from 30 seconds up to 15 minutes. A name with no
 * failure for an hour is forgotten, and at most {@value #MAX_NAMES} names are kept (the one whose
 * last failure is oldest goes first). Across the node, more than {@value #NODE_FAILURES_PER_MINUTE}
 * failures within a minute make every sign-in wait until that minute is over, which stops a
 * spree over many names; it also means pushing a name out of the table takes longer than the
 * hour after which it would be forgotten anyway.
 *
 * <p>Unknown names are throttled like real ones, so the throttle does not tell which exist.
 * Names are compared ignoring case. Thread-safe.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int MAX_NAMES = 10_000;
    static final int NODE_FAILURES_PER_MINUTE = 100;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final Duration NODE_WINDOW = Duration.ofMinutes(1);
    private static final int MAX_KEY_LENGTH = 256;

    private static final class Entry {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;
    }

    // Insertion order, and a failure re-inserts its name: the first entry has the oldest failure.
    private final Map<String, Entry> names = new LinkedHashMap<>();
    private Instant windowStart = Instant.MIN;
    private int windowFailures;

    /** How long she must wait before this name may try a password; zero when she may try now. */
    public synchronized Duration waitBefore(String name, Instant now) {
        Duration wait = Duration.ZERO;
        if (windowFailures > NODE_FAILURES_PER_MINUTE) {
            wait = positive(Duration.between(now, windowStart.plus(NODE_WINDOW)));
        }
        Entry entry = current(key(name), now);
        if (entry != null && entry.lockedUntil != null) {
            Duration own = positive(Duration.between(now, entry.lockedUntil));
            wait = own.compareTo(wait) > 0 ? own : wait;
        }
        return wait;
    }

    /** Records a failed sign-in for this name (wrong password, wrong code, unknown name). */
    public synchronized void failed(String name, Instant now) {
        countForNode(now);
        forgetQuiet(now);
        String key = key(name);
        Entry entry = current(key, now);
        if (entry == null) {
            entry = new Entry();
        }
        names.remove(key);
        names.put(key, entry);
        entry.failures++;
        entry.lastFailure = now;
        if (entry.failures > FREE_FAILURES) {
            entry.lockedUntil = now.plus(lockout(entry.failures - FREE_FAILURES));
        }
        if (names.size() > MAX_NAMES) {
            Iterator<String> oldest = names.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Clears the name's failures after a complete, successful sign-in. */
    public synchronized void succeeded(String name) {
        names.remove(key(name));
    }

    /** The lockout after the n-th failure beyond the free ones (n >= 1). */
    static Duration lockout(int beyondFree) {
        // 30 s * 2^5 is already past the cap, so the shift never overflows.
        int doublings = Math.min(beyondFree - 1, 5);
        Duration d = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return d.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : d;
    }

    /** How many names are remembered; for tests. */
    synchronized int size() {
        return names.size();
    }

    private Entry current(String key, Instant now) {
        Entry entry = names.get(key);
        if (entry != null && !now.isBefore(entry.lastFailure.plus(FORGET_AFTER))) {
            names.remove(key);
            return null;
        }
        return entry;
    }

    private void forgetQuiet(Instant now) {
        Iterator<Entry> oldest = names.values().iterator();
        while (oldest.hasNext()) {
            Entry entry = oldest.next();
            if (now.isBefore(entry.lastFailure.plus(FORGET_AFTER))) {
                return;
            }
            oldest.remove();
        }
    }

    private void countForNode(Instant now) {
        if (windowStart == Instant.MIN || !now.isBefore(windowStart.plus(NODE_WINDOW))) {
            windowStart = now;
            windowFailures = 0;
        }
        windowFailures++;
    }

    private static String key(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a sign-in needs a name, even an empty one");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_KEY_LENGTH ? lower.substring(0, MAX_KEY_LENGTH) : lower;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
