package hearth.federation.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * Which addresses an outbound fetch or delivery may connect to: only publicly routable ones.
 * A remote document can name any URL, so without this a peer could make the node reach its own
 * loopback, its private network or a cloud metadata service.
 *
 * <pre>{@code
 * for (InetAddress address : InetAddress.getAllByName(host)) {   // the node resolves
 *     if (!AddressPolicy.isPublic(address)) throw new RefusedAddress(host);
 * }
 * // then connect to the address that was checked, not to the name again
 * }</pre>
 *
 * <p>IPv4 ranges refused follow the IANA special-purpose registry (RFC 6890 and later). IPv6 is
 * allowed only inside global unicast 2000::/3, minus documentation ranges and the IETF block
 * 2001::/23 (benchmarking, ORCHID, anycast services: nothing a peer lives on);
 * forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are judged by that
 * address. Stateless and thread-safe; it never resolves names.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** False for anything that is not publicly routable. */
    public static boolean isPublic(InetAddress address) {
        Objects.requireNonNull(address, "address");
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(bytes);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        int third = a[2] & 0xff;
        return !(first == 0                                   // "this network" 0/8
                || first == 10                                // private 10/8
                || first == 100 && (second & 0xc0) == 64      // shared address space (CGNAT) 100.64/10
                || first == 127                               // loopback 127/8
                || first == 169 && second == 254              // link-local 169.254/16
                || first == 172 && (second & 0xf0) == 16      // private 172.16/12
                || first == 192 && second == 0 && third == 0  // IETF protocol assignments 192.0.0/24
                || first == 192 && second == 0 && third == 2  // documentation TEST-NET-1
                || first == 192 && second == 88 && third == 99 // 6to4 relay anycast (deprecated)
                || first == 192 && second == 168             // private 192.168/16
                || first == 198 && (second & 0xfe) == 18      // benchmarking 198.18/15
                || first == 198 && second == 51 && third == 100 // documentation TEST-NET-2
                || first == 203 && second == 0 && third == 113  // documentation TEST-NET-3
                || first >= 224);                             // multicast 224/4, reserved 240/4, broadcast
    }

    private static boolean isPublicV6(byte[] a) {
        if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return isPublicV4(Arrays.copyOfRange(a, 12, 16));            // IPv4-mapped ::ffff:0:0/96
        }
        if (isZero(a, 0, 12)) {
            // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d; the first two are v4 0/8 here
            return isPublicV4(Arrays.copyOfRange(a, 12, 16));
        }
        if (startsWith(a, 0x00, 0x64, 0xff, 0x9b) && isZero(a, 4, 12)) {
            return isPublicV4(Arrays.copyOfRange(a, 12, 16));            // NAT64 64:ff9b::/96
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if ((first & 0xe0) != 0x20) {
            return false; // outside global unicast: ULA fc00::/7, link-local, multicast, NAT64 local-use...
        }
        if (first == 0x20 && second == 0x02) {
            return isPublicV4(Arrays.copyOfRange(a, 2, 6));              // 6to4 2002::/16
        }
        if (startsWith(a, 0x20, 0x01, 0x00, 0x00)) {                      // Teredo 2001::/32
            byte[] client = Arrays.copyOfRange(a, 12, 16);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i]; // Teredo stores the client address inverted
            }
            return isPublicV4(Arrays.copyOfRange(a, 4, 8)) && isPublicV4(client);
        }
        return !(first == 0x20 && second == 0x01 && (a[2] & 0xfe) == 0 // IETF protocol assignments 2001::/23
                || startsWith(a, 0x20, 0x01, 0x0d, 0xb8)                 // documentation 2001:db8::/32
                || first == 0x3f && second == 0xff && (a[2] & 0xf0) == 0); // documentation 3fff::/20
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
