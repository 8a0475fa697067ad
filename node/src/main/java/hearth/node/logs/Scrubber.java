package hearth.node.logs;

import java.util.regex.Pattern;

/**
 * Removes from log text what must never be written down about the people using the node: network
 * addresses (IPv4 and IPv6), query strings (a search is her own words), and long opaque tokens
 * (author keys, session tokens, secrets). Stateless and thread-safe.
 *
 * <p>A safety net under the rule that nothing about a request is logged in the first place: a
 * library's exception message may still quote an address or a URL.
 */
public final class Scrubber {

    static final String ADDRESS = "[address]";
    static final String QUERY = "?[query]";
    static final String TOKEN = "[token]";

    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w.])");
    // Full eight-group form, or any compressed form with "::"; a clock time (12:30:45) has neither.
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            + "|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?)"
            + "(?:%[\\w.]+)?(?![\\w:])");
    /** A '?' that starts name=value pairs, up to the next space or quote. */
    private static final Pattern QUERY_STRING = Pattern.compile("\\?[^\\s\"'?#]*=[^\\s\"'#]*");
    /** Key material and session tokens are long runs of base64url or hex; ids (26 characters) are shorter. */
    private static final Pattern LONG_TOKEN = Pattern.compile("(?<![\\w-])[A-Za-z0-9_+/-]{32,}={0,2}(?![\\w-])");

    private Scrubber() {
    }

    /** The text with addresses, query strings and long tokens replaced by placeholders; null stays null. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = QUERY_STRING.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(QUERY));
        out = IPV4.matcher(out).replaceAll(ADDRESS);
        out = IPV6.matcher(out).replaceAll(ADDRESS);
        return LONG_TOKEN.matcher(out).replaceAll(TOKEN);
    }
}
