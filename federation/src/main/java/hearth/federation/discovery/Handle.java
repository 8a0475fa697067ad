package hearth.federation.discovery;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fediverse address, {@code name@host}, as WebFinger resolves it.
 *
 * <pre>{@code
 * Handle circle = Handle.parse("@perinatal@a.example");
 * circle.acct();   // "acct:perinatal@a.example"
 * }</pre>
 *
 * <p>The name is limited to URI-unreserved characters (letters, digits, {@code . _ ~ -}), so it
 * never needs escaping in a URL; the host is a DNS name, an IPv4 address or a bracketed IPv6
 * address, lower-cased, with an optional port. Immutable and thread-safe.
 */
public record Handle(String name, String host) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]{2,45}]");
    private static final int MAX_HOST = 253;

    public Handle {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a handle name: " + name);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!validHost(host)) {
            throw new IllegalArgumentException("not a handle host: " + host);
        }
    }

    /**
     * Reads {@code acct:name@host}, {@code name@host} or {@code @name@host}; anything else is an
     * {@link IllegalArgumentException}.
     */
    public static Handle parse(String resourceOrHandle) {
        Objects.requireNonNull(resourceOrHandle, "resourceOrHandle");
        String text = resourceOrHandle.strip();
        if (text.regionMatches(true, 0, "acct:", 0, 5)) {
            text = text.substring(5);
        } else if (text.startsWith("@")) {
            text = text.substring(1);
        }
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@')) {
            throw new IllegalArgumentException("not a handle: " + resourceOrHandle);
        }
        return new Handle(text.substring(0, at), text.substring(at + 1));
    }

    /** The WebFinger resource, {@code acct:name@host}. */
    public String acct() {
        return "acct:" + name + "@" + host;
    }

    @Override
    public String toString() {
        return "@" + name + "@" + host;
    }

    private static boolean validHost(String host) {
        String hostname = host;
        int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        if (colon > 0) {
            if (!validPort(host.substring(colon + 1))) {
                return false;
            }
            hostname = host.substring(0, colon);
        }
        if (hostname.startsWith("[")) {
            return IPV6.matcher(hostname).matches();
        }
        if (hostname.isEmpty() || hostname.length() > MAX_HOST || hostname.endsWith(".")) {
            return false;
        }
        for (String label : hostname.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean validPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int value = Integer.parseInt(port);
        return value >= 1 && value <= 65535;
    }
}
