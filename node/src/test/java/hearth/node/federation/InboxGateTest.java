package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hearth.federation.keys.RsaKeys;
import hearth.federation.signature.CavageSigner;
import hearth.federation.signature.Rfc9421Signer;
import hearth.federation.signature.SignedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which host an inbox delivery is charged to, read before its body or any key. */
class InboxGateTest {

    private static final URI INBOX = URI.create("https://hearth.example/inbox");
    private static final byte[] BODY = "{\"type\":\"Like\"}".getBytes(StandardCharsets.UTF_8);
    private static final KeyPair KEY = RsaKeys.generate();

    private static SignedRequest withoutBody(Map<String, String> signed) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), List.of(value)));
        headers.put("host", List.of(INBOX.getHost()));
        headers.put("content-type", List.of("application/activity+json"));
        return new SignedRequest("POST", INBOX, headers, new byte[0]);
    }

    @Test
    void aDraftCavageSignatureIsChargedToItsKeysHost() {
        Map<String, String> signed = CavageSigner.sign("POST", INBOX, "application/activity+json", BODY,
                "https://A.Example/users/ana#main-key", KEY.getPrivate(), Instant.now());
        assertEquals("a.example:443", InboxGate.claimedHost(withoutBody(signed)));
    }

    @Test
    void anRfc9421SignatureIsChargedToItsKeysHost() {
        Map<String, String> signed = Rfc9421Signer.sign("POST", INBOX, "application/activity+json", BODY,
                "http://b.example:8080/actor#main-key", KEY.getPrivate(), Instant.now());
        assertEquals("b.example:8080", InboxGate.claimedHost(withoutBody(signed)));
    }

    @Test
    void anUnsignedRequestIsChargedToNobody() {
        assertNull(InboxGate.claimedHost(withoutBody(Map.of("Content-Type", "application/activity+json"))));
    }

    /** The verifier reads it the same way and refuses it before fetching any key, so it costs little. */
    @Test
    void aSignatureThatCannotBeReadIsChargedToNobody() {
        assertNull(InboxGate.claimedHost(withoutBody(Map.of("Signature", "keyId=\"https://a.example/k\""))));
    }

    @Test
    void aKeyIdWithoutAHostIsChargedToNobody() {
        Map<String, String> signed = CavageSigner.sign("POST", INBOX, "application/activity+json", BODY,
                "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", KEY.getPrivate(), Instant.now());
        assertNull(InboxGate.claimedHost(withoutBody(signed)));
    }

    @Test
    void idsOnTheSameOriginShareOneName() {
        assertEquals(InboxGate.hostOf(URI.create("https://a.example/users/ana")),
                InboxGate.hostOf(URI.create("https://A.EXAMPLE:443/actor#main-key")));
        assertEquals("a.example:80", InboxGate.hostOf(URI.create("http://a.example/x")));
    }
}
