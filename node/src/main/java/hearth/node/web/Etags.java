package hearth.node.web;

/** Compares a request's {@code If-None-Match} with a response's ETag (RFC 9110, section 13.1.2). Stateless. */
final class Etags {

    private Etags() {
    }

    /**
     * Whether {@code ifNoneMatch} names {@code etag}: {@code *}, or one of its comma-separated
     * tags equal to it. Comparison is weak, as the RFC asks for If-None-Match, so {@code W/"x"}
     * matches {@code "x"} (a proxy that compressed the response may have weakened the tag).
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
