package hearth.federation.blocklist;

import java.net.IDN;
import java.util.Locale;

/**
 * Domain names as block entries use them. An entry covers its domain and every subdomain; an
 * entry with a port ({@code 127.0.0.1:8081}, for nodes side by side on one machine) covers only
 * that exact authority. Stateless and thread-safe.
 */
public final class Domains {

    private Domains() {
    }

    /**
     * The canonical form: lower case, international names in ASCII (punycode), no trailing dot.
     *
     * @throws IllegalArgumentException if it is not a domain name (or an address), with or without a port
     */
    public static String normalize(String domain) {
        if (domain == null) {
            throw new IllegalArgumentException("a domain is needed");
        }
        String d = domain.strip();
        String port = "";
        int colon = d.lastIndexOf(':');
        if (colon > 0 && d.indexOf(':') == colon && d.substring(colon + 1).matches("[0-9]{1,5}")) {
            port = d.substring(colon);
            d = d.substring(0, colon);
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("not a domain name: " + domain.strip());
        }
        if (ascii.isEmpty() || ascii.length() > 253 || !ascii.matches("[a-z0-9*]([a-z0-9_*-]*[a-z0-9*])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("not a domain name: " + domain.strip());
        }
        return ascii + port;
    }

    /** True if the entry for {@code entryDomain} applies to a server at {@code authority} (host, or host:port). */
    public static boolean covers(String entryDomain, String authority) {
        String entry = entryDomain.toLowerCase(Locale.ROOT);
        String target = authority.toLowerCase(Locale.ROOT);
        if (entry.indexOf(':') >= 0) {
            return entry.equals(target);
        }
        String host = hostOf(target);
        return host.equals(entry) || host.endsWith("." + entry);
    }

    /** The host part of an authority (drops a port). */
    public static String hostOf(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > 0 && authority.indexOf(':') == colon ? authority.substring(0, colon) : authority;
    }
}
