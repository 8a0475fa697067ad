package hearth.federation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandleTest {

    private static final Handle PERINATAL = new Handle("perinatal", "a.example");

    @Test
    void readsAcctUri() {
        assertEquals(PERINATAL, Handle.parse("acct:perinatal@a.example"));
    }

    @Test
    void readsBareHandle() {
        assertEquals(PERINATAL, Handle.parse("perinatal@a.example"));
    }

    @Test
    void readsMentionForm() {
        assertEquals(PERINATAL, Handle.parse("@perinatal@a.example"));
    }

    @Test
    void keepsPortOnHost() {
        Handle handle = Handle.parse("@perinatal@127.0.0.1:8081");
        assertEquals("127.0.0.1:8081", handle.host());
        assertEquals("acct:perinatal@127.0.0.1:8081", handle.acct());
    }

    @Test
    void acceptsBracketedIpv6WithPort() {
        assertEquals("[::1]:8081", Handle.parse("perinatal@[::1]:8081").host());
    }

    @Test
    void lowerCasesHostButNotName() {
        Handle handle = Handle.parse("acct:Perinatal@A.Example");
        assertEquals("Perinatal", handle.name());
        assertEquals("a.example", handle.host());
    }

    @Test
    void acceptsUppercaseAcctScheme() {
        assertEquals(PERINATAL, Handle.parse("ACCT:perinatal@a.example"));
    }

    @Test
    void acctIsTheWebFingerResource() {
        assertEquals("acct:perinatal@a.example", PERINATAL.acct());
    }

    @Test
    void printsAsMention() {
        assertEquals("@perinatal@a.example", PERINATAL.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "perinatal",
        "@perinatal",
        "perinatal@",
        "@a.example",
        "acct:@a.example",
        "per natal@a.example",
        "perinatal@a.example/path",
        "perinatal@a@a.example",
        "@@perinatal@a.example",
        "acct:perinatal@a.example:0",
        "perinatal@a.example:65536",
        "perinatal@a.example:80a",
        "perinatal@a.example:",
        "perinatal@-a.example",
        "perinatal@a..example",
        "perinatal@a.example.",
        "perinatal@a_b.example",
        "perinatal@exa mple.org",
        "<script>@a.example",
        "per%40natal@a.example",
        "https://a.example/circles/perinatal",
        "mailto:perinatal@a.example",
    })
    void rejectsJunk(String junk) {
        assertThrows(IllegalArgumentException.class, () -> Handle.parse(junk));
    }

    @Test
    void rejectsOverlongName() {
        assertThrows(IllegalArgumentException.class, () -> Handle.parse("a".repeat(65) + "@a.example"));
    }

    @Test
    void rejectsOverlongHost() {
        String host = ("a".repeat(60) + ".").repeat(5) + "example";
        assertThrows(IllegalArgumentException.class, () -> Handle.parse("perinatal@" + host));
    }
}
