package hearth.node.web;

import hearth.node.author.AuthorIds;
import hearth.node.author.AuthorKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Anti-forgery tokens for every form, kept without any server-side state.
 *
 * <p>For a browser that holds an author key, the token is bound to that key, so a page on
 * another site cannot post, edit or delete as her. A browser without a key gets a token
 * bound to the hour it was issued, valid for a day, so reading still leaves no cookie.
 * Thread-safe.
 */
final class FormTokens {

    private static final Duration ANONYMOUS_LIFETIME = Duration.ofHours(24);

    private final AuthorIds macs;
    private final Clock clock;

    FormTokens(AuthorIds macs, Clock clock) {
        this.macs = macs;
        this.clock = clock;
    }

    String issue(AuthorKey key) {
        if (key != null) {
            return "k." + b64(macs.formMac("author:" + key.toCookie()));
        }
        long hour = clock.millis() / 3_600_000L;
        return "a." + hour + "." + b64(macs.formMac("anonymous:" + hour));
    }

    /** True if the token was issued by this node for this browser (or, for a new browser, recently). */
    boolean accepts(String token, AuthorKey key) {
        if (token == null || token.length() > 200) {
            return false;
        }
        if (key != null) {
            return AuthorIds.same(token.getBytes(), issue(key).getBytes());
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals("a")) {
            return false;
        }
        long hour;
        try {
            hour = Long.parseLong(parts[1]);
        } catch (NumberFormatException bad) {
            return false;
        }
        long now = clock.millis() / 3_600_000L;
        if (hour > now || now - hour > ANONYMOUS_LIFETIME.toHours()) {
            return false;
        }
        return AuthorIds.same(parts[2].getBytes(), b64(macs.formMac("anonymous:" + hour)).getBytes());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
