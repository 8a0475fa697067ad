package hearth.node.federation;

import hearth.federation.signature.HttpSignatures;
import hearth.federation.signature.SignatureProblem;
import hearth.federation.signature.SignedRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Which server an inbox delivery is charged to under the {@link HostLimit}: the host of the key
 * it is signed with. Before the signature is checked that is only a claim, read from the
 * signature header without the body and without any key; it is still the right one to charge,
 * because a request that lies about it fails verification anyway, and reading it costs next to
 * nothing next to fetching a key and verifying RSA. Never a client address: the limit is about
 * servers, and Hearth keeps no addresses. Stateless and thread-safe.
 */
final class InboxGate {

    private InboxGate() {
    }

    /** The host of the key the request claims to be signed with, or null if it names none that can be read. */
    static String claimedHost(SignedRequest request) {
        if (request == null || !HttpSignatures.isSigned(request)) {
            return null;
        }
        try {
            return hostOf(URI.create(HttpSignatures.parse(request).keyId()));
        } catch (SignatureProblem | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * One name per server: the host in lower case and the port, the default one spelled out, so
     * that ids {@link hearth.federation.inbox.OriginRules#sameOrigin same-origin} share a name.
     */
    static String hostOf(URI id) {
        if (id.getHost() == null) {
            throw new IllegalArgumentException("no host in " + id);
        }
        int port = id.getPort() != -1 ? id.getPort() : "https".equalsIgnoreCase(id.getScheme()) ? 443 : 80;
        return id.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
