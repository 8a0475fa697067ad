package hearth.node.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ScrubberTest {

    @Test
    void removesAnIpv4Address() {
        assertEquals("connection from [address] reset", Scrubber.scrub("connection from 203.0.113.7 reset"));
    }

    @Test
    void removesAnIpv4AddressWithPort() {
        assertEquals("cannot reach [address]:8443", Scrubber.scrub("cannot reach 192.168.1.20:8443"));
    }

    @Test
    void removesACompressedIpv6Address() {
        assertEquals("peer [address] closed", Scrubber.scrub("peer 2001:db8::42 closed"));
    }

    @Test
    void removesTheIpv6Loopback() {
        assertEquals("bound to [address]", Scrubber.scrub("bound to ::1"));
    }

    @Test
    void removesAFullIpv6Address() {
        assertEquals("[address]", Scrubber.scrub("2001:0db8:0000:0000:0000:ff00:0042:8329"));
    }

    @Test
    void removesAQueryStringFromAUrl() {
        assertEquals("GET https://a.example/search?[query] failed",
                Scrubber.scrub("GET https://a.example/search?q=my+husband+hits+me&lang=en failed"));
    }

    @Test
    void removesAQueryStringFromAPath() {
        assertEquals("bad request /search?[query]", Scrubber.scrub("bad request /search?q=postpartum%20rage"));
    }

    @Test
    void removesALongToken() {
        String key = "hK3v9QzT0bL4mN8pR2sW6yA1cE5gI7jO0uX3zB9dF2h";
        assertFalse(Scrubber.scrub("author key " + key + " rejected").contains(key));
        assertEquals("author key [token] rejected", Scrubber.scrub("author key " + key + " rejected"));
    }

    @Test
    void keepsClockTimesVersionsAndIds() {
        String text = "at 12:30:45 version 3.54.1 post 01HZY3V9Q8K2M7N4P6R1S5T0AB class Foo::bar";
        assertEquals(text, Scrubber.scrub(text));
    }

    @Test
    void aFourPartVersionLooksLikeAnAddressAndGoesToo() {
        // Privacy first: 3.54.1.0 cannot be told from an IPv4 address.
        assertEquals("sqlite [address]", Scrubber.scrub("sqlite 3.54.1.0"));
    }

    @Test
    void keepsAUrlWithoutQuery() {
        assertEquals("delivered to https://b.example/inbox", Scrubber.scrub("delivered to https://b.example/inbox"));
    }
}
