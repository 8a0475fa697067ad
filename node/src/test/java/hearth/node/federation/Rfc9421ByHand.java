package hearth.node.federation;

import hearth.federation.signature.Digests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An RFC 9421 signature over components the test chooses, built by hand as a hostile sender
 * would (the library's signer always covers what Hearth requires). Section 2.5 of RFC 9421
 * gives the signature base: one {@code "name": value} line per component, then
 * {@code "@signature-params"}. Signs with {@code rsa-v1_5-sha256}. Stateless.
 */
final class Rfc9421ByHand {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Rfc9421ByHand() {
    }

    /**
     * A request signed now by {@code signer}, covering exactly {@code components} from
     * {@code @method @authority @path @target-uri date content-digest content-type}.
     */
    static InboxPoster.Request sign(URI target, byte[] body, FakeActor signer, List<String> components) {
        Instant now = Instant.now();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", InboxPoster.CONTENT_TYPE);
        headers.put("Date", IMF_FIXDATE.format(now));
        headers.put("Content-Digest", Digests.contentDigestHeader(body));
        String params = components.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(" ", "(", ")"))
                + ";alg=\"rsa-v1_5-sha256\";keyid=\"" + signer.keyId() + "\";created=" + now.getEpochSecond();
        StringBuilder base = new StringBuilder();
        for (String component : components) {
            base.append('"').append(component).append("\": ").append(value(component, target, headers)).append('\n');
        }
        base.append("\"@signature-params\": ").append(params);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signer.rsa().getPrivate());
            rsa.update(base.toString().getBytes(StandardCharsets.UTF_8));
            headers.put("Signature-Input", "sig1=" + params);
            headers.put("Signature", "sig1=:" + Base64.getEncoder().encodeToString(rsa.sign()) + ":");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new InboxPoster.Request(target, headers, body);
    }

    private static String value(String component, URI target, Map<String, String> headers) {
        return switch (component) {
            case "@method" -> "POST";
            case "@authority" -> target.getHost() + ":" + target.getPort();
            case "@path" -> target.getRawPath();
            case "@target-uri" -> target.toString();
            case "date" -> headers.get("Date");
            case "content-digest" -> headers.get("Content-Digest");
            case "content-type" -> headers.get("Content-Type");
            default -> throw new IllegalArgumentException("not derived here: " + component);
        };
    }
}
