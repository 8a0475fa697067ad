package hearth.federation.signature;

import static hearth.federation.signature.TestRequests.request;
import static hearth.federation.signature.TestRequests.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The signed examples of RFC 9421 (https://www.rfc-editor.org/rfc/rfc9421.html): Appendix B.2
 * test cases B.2.1 to B.2.3 (rsa-pss-sha512), B.2.5 (hmac-sha256) and B.2.6 (ed25519) over
 * {@code test-request}; B.3 (ecdsa-p256-sha256, TLS-terminating proxy); B.4 (ed25519 GET and
 * its transformations); section 3.2's verification example (rsa-pss-sha512); and section 4.3's
 * client (ecdsa-p256-sha256) and proxy (rsa-v1_5-sha256) signatures. B.2.4 signs a response,
 * which Hearth never verifies. Keys: Appendix B.1, in the test resources.
 */
class Rfc9421VectorsTest {

    private static final String BODY = "{\"hello\": \"world\"}";
    private static final String CONTENT_DIGEST = "Content-Digest: sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+T"
            + "aPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";

    /** {@code test-request} of Appendix B.2 with the given Signature-Input and Signature. */
    private static SignedRequest testRequest(String input, String signature) {
        return request("POST", "https://example.com/foo?param=Value&Pet=dog", BODY,
                "Host: example.com",
                "Date: Tue, 20 Apr 2021 02:07:55 GMT",
                "Content-Type: application/json",
                CONTENT_DIGEST,
                "Content-Length: 18",
                "Signature-Input: " + input,
                "Signature: " + signature);
    }

    @Test
    void b21MinimalSignatureRsaPss() {
        SignatureClaim claim = HttpSignatures.parse(testRequest(
                "sig-b21=();created=1618884473;keyid=\"test-key-rsa-pss\";nonce=\"b3k2pp5k7z-50gnwp.yemd\"",
                "sig-b21=:d2pmTvmbncD3xQm8E9ZV2828BjQWGgiwAaw5bAkgibUopemLJcWDy/lkbbHAve4cRAtx31Iq786U7it++wgGxbtRxf8"
                        + "Udx7zFZsckzXaJMkA7ChG52eSkFxykJeNqsrWH5S+oxNFlD4dzVuwe8DhTSja8xxbR/Z2cOGdCbzR72rgFWhzx2VjBq"
                        + "JzsPLMIQKhO4DGezXehhWwE56YCE+O6c0mKZsfxVrogUvA4HELjVKWmAvtl6UnCh8jYzuVG5WSb/QEVPnP5TmcAnLH1g+"
                        + "s++v6d4s8m0gCw1fV5/SITLq9mhho8K3+7EPYTU8IU1bLhdxO5Nyt8C8ssinQ98Xw9Q==:"));

        assertEquals("\"@signature-params\": ();created=1618884473;keyid=\"test-key-rsa-pss\""
                + ";nonce=\"b3k2pp5k7z-50gnwp.yemd\"", base(claim));
        assertEquals("test-key-rsa-pss", claim.keyId());
        assertEquals(Optional.empty(), claim.algorithm());
        assertTrue(claim.verify(SpecKeys.rsaPss()));
        assertFalse(claim.verify(SpecKeys.rsa()));
    }

    @Test
    void b22SelectiveComponentsWithQueryParamRsaPss() {
        SignatureClaim claim = HttpSignatures.parse(testRequest(
                "sig-b22=(\"@authority\" \"content-digest\" \"@query-param\";name=\"Pet\");created=1618884473"
                        + ";keyid=\"test-key-rsa-pss\";tag=\"header-example\"",
                "sig-b22=:LjbtqUbfmvjj5C5kr1Ugj4PmLYvx9wVjZvD9GsTT4F7GrcQEdJzgI9qHxICagShLRiLMlAJjtq6N4CDfKtjvuJyE5qH"
                        + "7KT8UCMkSowOB4+ECxCmT8rtAmj/0PIXxi0A0nxKyB09RNrCQibbUjsLS/2YyFYXEu4TRJQzRw1rLEuEfY17SARYhpTl"
                        + "aqwZVtR8NV7+4UKkjqpcAoFqWFQh62s7Cl+H2fjBSpqfZUJcsIk4N6wiKYd4je2U/lankenQ99PZfB4jY3I5rSV2DSBVk"
                        + "SFsURIjYErOs0tFTQosMTAoxk//0RoKUqiYY8Bh0aaUEb0rQl3/XaVe4bXTugEjHSw==:"));

        assertEquals("\"@authority\": example.com\n"
                + "\"content-digest\": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNye"
                + "aldVLvRwEmTHWXvJwew==:\n"
                + "\"@query-param\";name=\"Pet\": dog\n"
                + "\"@signature-params\": (\"@authority\" \"content-digest\" \"@query-param\";name=\"Pet\")"
                + ";created=1618884473;keyid=\"test-key-rsa-pss\";tag=\"header-example\"", base(claim));
        assertTrue(claim.verify(SpecKeys.rsaPss()));
    }

    @Test
    void b23FullCoverageRsaPss() {
        SignatureClaim claim = HttpSignatures.parse(testRequest(B23_INPUT, B23_SIGNATURE));

        assertEquals("\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n"
                + "\"@method\": POST\n"
                + "\"@path\": /foo\n"
                + "\"@query\": ?param=Value&Pet=dog\n"
                + "\"@authority\": example.com\n"
                + "\"content-type\": application/json\n"
                + "\"content-digest\": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNye"
                + "aldVLvRwEmTHWXvJwew==:\n"
                + "\"content-length\": 18\n"
                + "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@query\" \"@authority\" \"content-type\" "
                + "\"content-digest\" \"content-length\");created=1618884473;keyid=\"test-key-rsa-pss\"", base(claim));
        assertTrue(claim.verify(SpecKeys.rsaPss()));
    }

    @Test
    void b23FailsWhenTheBodyTypeIsChanged() {
        SignedRequest changed = withHeader(testRequest(B23_INPUT, B23_SIGNATURE), "Content-Type", "text/plain");

        assertFalse(HttpSignatures.parse(changed).verify(SpecKeys.rsaPss()));
    }

    @Test
    void b25HmacSha256() {
        Rfc9421Claim claim = (Rfc9421Claim) HttpSignatures.parse(testRequest(
                "sig-b25=(\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"",
                "sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:"));

        assertTrue(claim.verifyHmac(SpecKeys.sharedSecret()));
        assertFalse(claim.verifyHmac("another secret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void b26Ed25519() {
        SignatureClaim claim = HttpSignatures.parse(testRequest(
                "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
                        + ";created=1618884473;keyid=\"test-key-ed25519\"",
                "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:"));

        assertTrue(claim.verify(SpecKeys.ed25519()));
        assertFalse(claim.verify(SpecKeys.eccP256()));
    }

    @Test
    void b3TlsTerminatingProxyEcdsaP256() {
        SignedRequest request = request("POST", "https://service.internal.example/foo?param=Value&Pet=dog", BODY,
                "Host: service.internal.example",
                "Date: Tue, 20 Apr 2021 02:07:55 GMT",
                "Content-Type: application/json",
                "Content-Length: 18",
                "Client-Cert: " + CLIENT_CERT,
                "Signature-Input: ttrp=(\"@path\" \"@query\" \"@method\" \"@authority\" \"client-cert\")"
                        + ";created=1618884473;keyid=\"test-key-ecc-p256\"",
                "Signature: ttrp=:xVMHVpawaAC/0SbHrKRs9i8I3eOs5RtTMGCWXm/9nvZzoHsIg6Mce9315T6xoklyy0yzhD9ah4JHRwMLOgmizw==:");

        SignatureClaim claim = HttpSignatures.parse(request);

        assertTrue(claim.verify(SpecKeys.eccP256()));
        assertFalse(claim.verify(SpecKeys.ed25519()));
    }

    @Test
    void b4GetWithTwoAcceptLinesEd25519() {
        SignedRequest request = transformRequest("GET", "example.org", "application/json", "*/*");

        assertTrue(HttpSignatures.parse(request).verify(SpecKeys.ed25519()));
    }

    @Test
    void b4CollapsedAcceptLineStillVerifies() {
        SignedRequest request = transformRequest("GET", "example.org", "application/json, */*");

        assertTrue(HttpSignatures.parse(request).verify(SpecKeys.ed25519()));
    }

    @Test
    void b4ReorderedAcceptLinesDoNotVerify() {
        SignedRequest request = transformRequest("GET", "example.org", "*/*", "application/json");

        assertFalse(HttpSignatures.parse(request).verify(SpecKeys.ed25519()));
    }

    @Test
    void b4ChangedMethodAndAuthorityDoNotVerify() {
        SignedRequest request = transformRequest("POST", "example.com", "application/json", "*/*");

        assertFalse(HttpSignatures.parse(request).verify(SpecKeys.ed25519()));
    }

    @Test
    void section32VerificationExampleRsaPss() {
        SignatureClaim claim = HttpSignatures.parse(testRequest(
                "sig1=(\"@method\" \"@authority\" \"@path\" \"content-digest\" \"content-length\" \"content-type\")"
                        + ";created=1618884473;keyid=\"test-key-rsa-pss\"",
                "sig1=:HIbjHC5rS0BYaa9v4QfD4193TORw7u9edguPh0AW3dMq9WImrlFrCGUDih47vAxi4L2YRZ3XMJc1uOKk/J0ZmZ+wcta4n"
                        + "KIgBkKq0rM9hs3CQyxXGxHLMCy8uqK488o+9jrptQ+xFPHK7a9sRL1IXNaagCNN3ZxJsYapFj+JXbmaI5rtAdSfSvzPuB"
                        + "Ch+ARHBmWuNo1UzVVdHXrl8ePL4cccqlazIJdC4QEjrF+Sn4IxBQzTZsL9y9TP5FsZYzHvDqbInkTNigBcE9cKOYNFCn4"
                        + "D/WM7F6TNuZO9EgtzepLWcjTymlHzK7aXq6Am6sfOrpIC49yXjj3ae6HRalVc/g==:"));

        assertTrue(claim.verify(SpecKeys.rsaPss()));
    }

    @Test
    void section43ClientSignatureEcdsaP256() {
        SignatureClaim claim = HttpSignatures.parse(testRequest(CLIENT_INPUT, CLIENT_SIGNATURE));

        assertTrue(claim.verify(SpecKeys.eccP256()));
    }

    @Test
    void section43ProxySignatureRsaV15Sha256() {
        SignatureClaim claim = HttpSignatures.parse(proxiedRequest(PROXY_INPUT, PROXY_SIGNATURE));

        assertEquals("test-key-rsa", claim.keyId());
        assertEquals(Optional.of("rsa-v1_5-sha256"), claim.algorithm());
        assertTrue(claim.verify(SpecKeys.rsa()));
        assertFalse(claim.verify(SpecKeys.rsaPss()));
    }

    @Test
    void section43FirstOfTwoSignaturesIsTheOneUsed() {
        SignatureClaim claim = HttpSignatures.parse(proxiedRequest(
                CLIENT_INPUT + ", " + PROXY_INPUT, CLIENT_SIGNATURE + ", " + PROXY_SIGNATURE));

        assertEquals("sig1", ((Rfc9421Claim) claim).label());
        assertEquals("test-key-ecc-p256", claim.keyId());
        // The proxy changed the authority the client signed.
        assertFalse(claim.verify(SpecKeys.eccP256()));
    }

    private static final String B23_INPUT = "sig-b23=(\"date\" \"@method\" \"@path\" \"@query\" \"@authority\" "
            + "\"content-type\" \"content-digest\" \"content-length\");created=1618884473;keyid=\"test-key-rsa-pss\"";
    private static final String B23_SIGNATURE = "sig-b23=:bbN8oArOxYoyylQQUU6QYwrTuaxLwjAC9fbY2F6SVWvh0yBiMIRGOnMYwZ/"
            + "5MR6fb0Kh1rIRASVxFkeGt683+qRpRRU5p2voTp768ZrCUb38K0fUxN0O0iC59DzYx8DFll5GmydPxSmme9v6ULbMFkl+V5B1TP/y"
            + "PViV7KsLNmvKiLJH1pFkh/aYA2HXXZzNBXmIkoQoLd7YfW91kE9o/CCoC1xMy7JA1ipwvKvfrs65ldmlu9bpG6A9BmzhuzF8Eim5f8u"
            + "i9eH8LZH896+QIF61ka39VBrohr9iyMUJpvRX2Zbhl5ZJzSRxpJyoEZAFL2FUo5fTIztsDZKEgM4cUA==:";

    private static final String CLIENT_INPUT = "sig1=(\"@method\" \"@authority\" \"@path\" \"content-digest\" "
            + "\"content-type\" \"content-length\");created=1618884475;keyid=\"test-key-ecc-p256\"";
    private static final String CLIENT_SIGNATURE =
            "sig1=:X5spyd6CFnAG5QnDyHfqoSNICd+BUP4LYMz2Q0JXlb//4Ijpzp+kve2w4NIyqeAuM7jTDX+sNalzA8ESSaHD3A==:";
    private static final String PROXY_INPUT = "proxy_sig=(\"@method\" \"@authority\" \"@path\" \"content-digest\" "
            + "\"content-type\" \"content-length\" \"forwarded\");created=1618884480;keyid=\"test-key-rsa\""
            + ";alg=\"rsa-v1_5-sha256\";expires=1618884540";
    private static final String PROXY_SIGNATURE = "proxy_sig=:S6ZzPXSdAMOPjN/6KXfXWNO/f7V6cHm7BXYUh3YD/fRad4BCaRZxP+JH"
            + "+8XY1I6+8Cy+CM5g92iHgxtRPz+MjniOaYmdkDcnL9cCpXJleXsOckpURl49GwiyUpZ10KHgOEe11sx3G2gxI8S0jnxQB+Pu68U9vVca"
            + "sqOWAEObtNKKZd8tSFu7LB5YAv0RAGhB8tmpv7sFnIm9y+7X5kXQfi8NMaZaA8i2ZHwpBdg7a6CMfwnnrtflzvZdXAsD3LH2TwevU+/P"
            + "BPv0B6NMNk93wUs/vfJvye+YuI87HU38lZHowtznbLVdp770I6VHR6WfgS9ddzirrswsE1w5o0LV/g==:";

    private static final String CLIENT_CERT = ":MIIBqDCCAU6gAwIBAgIBBzAKBggqhkjOPQQDAjA6MRswGQYDVQQKDBJMZXQncyBBdXRo"
            + "ZW50aWNhdGUxGzAZBgNVBAMMEkxBIEludGVybWVkaWF0ZSBDQTAeFw0yMDAxMTQyMjU1MzNaFw0yMTAxMjMyMjU1MzNaMA0xCzAJBgNV"
            + "BAMMAkJDMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE8YnXXfaUgmnMtOXU/IncWalRhebrXmckC8vdgJ1p5Be5F/3YC8OthxM4+k1M"
            + "6aEAEFcGzkJiNy6J84y7uzo9M6NyMHAwCQYDVR0TBAIwADAfBgNVHSMEGDAWgBRm3WjLa38lbEYCuiCPct0ZaSED2DAOBgNVHQ8BAf8E"
            + "BAMCBsAwEwYDVR0lBAwwCgYIKwYBBQUHAwIwHQYDVR0RAQH/BBMwEYEPYmRjQGV4YW1wbGUuY29tMAoGCCqGSM49BAMCA0gAMEUCIBHd"
            + "a/r1vaL6G3VliL4/Di6YK0Q6bMjeSkC3dFCOOB8TAiEAx/kHSB4urmiZ0NX5r5XarmPk0wmuydBVoU4hBVZ1yhk=:";

    /** The request of section 4.3 after the proxy rewrote its host and added Forwarded. */
    private static SignedRequest proxiedRequest(String input, String signature) {
        return request("POST", "https://origin.host.internal.example/foo?param=Value&Pet=dog", BODY,
                "Host: origin.host.internal.example",
                "Date: Tue, 20 Apr 2021 02:07:56 GMT",
                "Content-Type: application/json",
                "Content-Length: 18",
                "Forwarded: for=192.0.2.123;host=example.com;proto=https",
                CONTENT_DIGEST,
                "Signature-Input: " + input,
                "Signature: " + signature);
    }

    /** Appendix B.4: a signed GET, as sent (or as altered) with the given Accept lines. */
    private static SignedRequest transformRequest(String method, String host, String... accept) {
        SignedRequest request = request(method, "https://" + host + "/demo?name1=Value1&Name2=value2", null,
                "Host: " + host,
                "Date: Fri, 15 Jul 2022 14:24:55 GMT",
                "Signature-Input: transform=(\"@method\" \"@path\" \"@authority\" \"accept\")"
                        + ";created=1618884473;keyid=\"test-key-ed25519\"",
                "Signature: transform=:ZT1kooQsEHpZ0I1IjCqtQppOmIqlJPeo7DHR3SoMn0s5JZ1eRGS0A+vyYP9t/LXlh5QMFFQ6cpLt2"
                        + "m0pmj3NDA==:");
        return withHeader(request, "Accept", accept);
    }

    private static String base(SignatureClaim claim) {
        return new String(((Rfc9421Claim) claim).signatureBase(), StandardCharsets.UTF_8);
    }
}
