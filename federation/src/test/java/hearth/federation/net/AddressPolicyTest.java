package hearth.federation.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals only: InetAddress.getByName never resolves them. */
class AddressPolicyTest {

    private static boolean isPublic(String literal) throws Exception {
        return AddressPolicy.isPublic(InetAddress.getByName(literal));
    }

    /** An IPv6 address Java would otherwise turn into an Inet4Address (IPv4-mapped form). */
    private static boolean isPublicAsIpv6(String hex) throws Exception {
        return AddressPolicy.isPublic(Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), null));
    }

    // ---- public addresses are allowed

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.215.14", "100.63.255.255", "100.128.0.0",
        "172.15.255.255", "172.32.0.0", "192.0.1.1", "198.17.255.255", "198.20.0.0", "223.255.255.255"})
    void allowsPublicIpv4(String address) throws Exception {
        assertTrue(isPublic(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2606:4700:4700::1111", "2001:4860:4860::8888", "2a01:4f8:c2c:123f::1",
        "2001:200::1", "3fff:1000::1"})
    void allowsPublicIpv6(String address) throws Exception {
        assertTrue(isPublic(address));
    }

    @Test
    void allowsIpv4MappedPublic() throws Exception {
        assertTrue(isPublicAsIpv6("00000000000000000000ffff08080808"));
    }

    @Test
    void allows6to4OfPublic() throws Exception {
        assertTrue(isPublic("2002:0808:0808::1"));
    }

    @Test
    void allowsNat64OfPublic() throws Exception {
        assertTrue(isPublic("64:ff9b::808:808"));
    }

    // ---- IPv4 ranges refused

    @Test
    void refusesThisNetwork() throws Exception {
        assertFalse(isPublic("0.0.0.0"));
        assertFalse(isPublic("0.255.255.255"));
    }

    @Test
    void refusesPrivate10() throws Exception {
        assertFalse(isPublic("10.0.0.1"));
        assertFalse(isPublic("10.255.255.255"));
    }

    @Test
    void refusesSharedAddressSpace() throws Exception {
        assertFalse(isPublic("100.64.0.1"));
        assertFalse(isPublic("100.127.255.255"));
    }

    @Test
    void refusesLoopback() throws Exception {
        assertFalse(isPublic("127.0.0.1"));
        assertFalse(isPublic("127.255.255.254"));
    }

    @Test
    void refusesLinkLocalIncludingCloudMetadata() throws Exception {
        assertFalse(isPublic("169.254.169.254"));
        assertFalse(isPublic("169.254.0.1"));
    }

    @Test
    void refusesPrivate172() throws Exception {
        assertFalse(isPublic("172.16.0.1"));
        assertFalse(isPublic("172.31.255.255"));
    }

    @Test
    void refusesIetfProtocolAssignments() throws Exception {
        assertFalse(isPublic("192.0.0.8"));
    }

    @Test
    void refusesTestNet1() throws Exception {
        assertFalse(isPublic("192.0.2.1"));
    }

    @Test
    void refuses6to4RelayAnycast() throws Exception {
        assertFalse(isPublic("192.88.99.1"));
    }

    @Test
    void refusesPrivate192() throws Exception {
        assertFalse(isPublic("192.168.1.1"));
    }

    @Test
    void refusesBenchmarking() throws Exception {
        assertFalse(isPublic("198.18.0.1"));
        assertFalse(isPublic("198.19.255.255"));
    }

    @Test
    void refusesTestNet2() throws Exception {
        assertFalse(isPublic("198.51.100.7"));
    }

    @Test
    void refusesTestNet3() throws Exception {
        assertFalse(isPublic("203.0.113.9"));
    }

    @Test
    void refusesMulticast() throws Exception {
        assertFalse(isPublic("224.0.0.1"));
        assertFalse(isPublic("239.255.255.250"));
    }

    @Test
    void refusesReserved240() throws Exception {
        assertFalse(isPublic("240.0.0.1"));
    }

    @Test
    void refusesBroadcast() throws Exception {
        assertFalse(isPublic("255.255.255.255"));
    }

    // ---- IPv6 ranges refused

    @Test
    void refusesUnspecifiedIpv6() throws Exception {
        assertFalse(isPublic("::"));
    }

    @Test
    void refusesIpv6Loopback() throws Exception {
        assertFalse(isPublic("::1"));
    }

    @Test
    void refusesUniqueLocal() throws Exception {
        assertFalse(isPublic("fc00::1"));
        assertFalse(isPublic("fd12:3456:789a::1"));
    }

    @Test
    void refusesIpv6LinkLocal() throws Exception {
        assertFalse(isPublic("fe80::1"));
    }

    @Test
    void refusesIpv6SiteLocal() throws Exception {
        assertFalse(isPublic("fec0::1"));
    }

    @Test
    void refusesIpv6Multicast() throws Exception {
        assertFalse(isPublic("ff02::1"));
        assertFalse(isPublic("ff0e::1"));
    }

    @Test
    void refusesIpv6Documentation() throws Exception {
        assertFalse(isPublic("2001:db8::1"));
        assertFalse(isPublic("3fff::1"));
        assertFalse(isPublic("3fff:fff:ffff::1"));
    }

    @Test
    void refusesIpv6Benchmarking() throws Exception {
        assertFalse(isPublic("2001:2::1"));
    }

    @Test
    void refusesOrchid() throws Exception {
        assertFalse(isPublic("2001:10::1"));
    }

    @Test
    void refusesDiscardOnly() throws Exception {
        assertFalse(isPublic("100::1"));
    }

    @Test
    void refusesNat64LocalUse() throws Exception {
        assertFalse(isPublic("64:ff9b:1::a00:1"));
    }

    // ---- IPv6 forms that carry a refused IPv4 address

    @Test
    void refusesIpv4MappedLoopback() throws Exception {
        assertFalse(isPublicAsIpv6("00000000000000000000ffff7f000001"));
    }

    @Test
    void refusesIpv4MappedPrivate() throws Exception {
        assertFalse(isPublicAsIpv6("00000000000000000000ffffc0a80001"));
    }

    @Test
    void refusesIpv4MappedLiteralParsedByJava() throws Exception {
        assertFalse(isPublic("::ffff:10.0.0.1"));
    }

    @Test
    void refusesIpv4CompatiblePrivate() throws Exception {
        assertFalse(isPublic("::10.0.0.1"));
        assertFalse(isPublic("::127.0.0.1"));
    }

    @Test
    void refusesNat64OfPrivate() throws Exception {
        assertFalse(isPublic("64:ff9b::a9fe:a9fe"));
    }

    @Test
    void refuses6to4OfPrivate() throws Exception {
        assertFalse(isPublic("2002:c0a8:0101::1"));
        assertFalse(isPublic("2002:7f00:0001::1"));
    }

    /** Teredo keeps the client address inverted in the last 32 bits: 3fff:fffe is 192.0.0.1. */
    @Test
    void refusesTeredoOfPrivateClient() throws Exception {
        assertFalse(isPublic("2001:0:4136:e378:8000:63bf:3fff:fffe"));
    }

    @Test
    void refusesTeredoOfPrivateServer() throws Exception {
        assertFalse(isPublic("2001:0:0a00:0001:8000:63bf:f7f7:f7f7"));
    }

    /** 65.54.227.120 server, client 8.8.8.8 (inverted f7f7:f7f7). */
    @Test
    void allowsTeredoOfPublicAddresses() throws Exception {
        assertTrue(isPublic("2001:0:4136:e378:8000:63bf:f7f7:f7f7"));
    }
}
