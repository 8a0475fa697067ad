package hearth.node.forum;

import java.util.Optional;

/**
 * The rules for a post's content warning: the few words readers see before they choose to open it.
 *
 * <p>Her warning is kept as she meant it: trimmed, with line breaks and runs of spaces made single
 * spaces (a warning is one line), and at most {@link #MAX} characters; a longer one is refused, never
 * cut, so she can shorten it herself. A blank warning is no warning ({@code null}). A post another
 * server marked sensitive without giving a reason carries {@link #GENERIC}, which pages show as a
 * general warning in the reader's language.
 *
 * <pre>{@code
 * String stored = ContentWarning.normalize("  loss \n of a baby ");   // "loss of a baby"
 * ContentWarning.tooLong(typed).ifPresent(length -> ...);              // refuse, keep her words
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class ContentWarning {

    /** Longest warning, in characters (code points), after trimming. */
    public static final int MAX = 100;

    /** Stored for a post marked sensitive elsewhere without words of its own. */
    public static final String GENERIC = "";

    private ContentWarning() {
    }

    /** Her warning as stored, or {@code null} when she gave none. Never longer than she typed. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        // Control and format characters (bidi overrides among them) have no place in one line of warning.
        String text = typed.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", " ").replaceAll("\\p{Cf}", "")
                .replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text;
    }

    /** Its length in characters once normalized, when that is more than {@link #MAX}; else empty. */
    public static Optional<Integer> tooLong(String typed) {
        String text = normalize(typed);
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        return length > MAX ? Optional.of(length) : Optional.empty();
    }

    /** True when a stored warning is the general one (sensitive elsewhere, no words given). */
    public static boolean generic(String stored) {
        return GENERIC.equals(stored);
    }

    /**
     * The warning of a post from another server, following Mastodon's convention: {@code sensitive}
     * with a {@code summary} is a warning in those words (as plain text, cut to {@link #MAX});
     * {@code sensitive} alone (Lemmy's "NSFW") is the general warning. A {@code summary} without
     * {@code sensitive} is not a warning: Mbin sends a thread's description there.
     */
    public static String fromRemote(boolean sensitive, String summaryText) {
        if (!sensitive) {
            return null;
        }
        String text = normalize(summaryText);
        if (text == null) {
            return GENERIC;
        }
        return text.codePointCount(0, text.length()) <= MAX ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX - 1)) + "…";
    }
}
