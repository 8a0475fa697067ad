package hearth.node.federation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The ActivityPub ids of this node's actors and objects. A thread's id is its page's URL, a
 * circle's id is the circle's page, so the same URL answers a browser with HTML and a server
 * with JSON. Thread-safe.
 */
public final class Urls {

    private final String base;

    public Urls(URI publicUrl) {
        String text = publicUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The host (with port, when not the default) other servers know this node by. */
    public String host() {
        return authorityOf(URI.create(base));
    }

    public static String authorityOf(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    public boolean isLocal(URI id) {
        return id != null && base.equals(id.getScheme() + "://" + authorityOf(id));
    }

    public URI base() {
        return URI.create(base);
    }

    public URI nodeActor() {
        return URI.create(base + "/actor");
    }

    public URI sharedInbox() {
        return URI.create(base + "/inbox");
    }

    public URI circle(String circle) {
        return URI.create(base + "/c/" + segment(circle));
    }

    public URI circleInbox(String circle) {
        return URI.create(circle(circle) + "/inbox");
    }

    public URI circleOutbox(String circle) {
        return URI.create(circle(circle) + "/outbox");
    }

    public URI circleFollowers(String circle) {
        return URI.create(circle(circle) + "/followers");
    }

    public URI circleModerators(String circle) {
        return URI.create(circle(circle) + "/moderators");
    }

    public URI person(String pseudonymId) {
        return URI.create(base + "/u/" + pseudonymId);
    }

    public URI thread(String circle, String threadId) {
        return URI.create(circle(circle) + "/t/" + threadId);
    }

    public URI context(String circle, String threadId) {
        return URI.create(thread(circle, threadId) + "/context");
    }

    public URI post(String circle, String threadId, String postId) {
        return URI.create(thread(circle, threadId) + "/p/" + postId);
    }

    public URI activity(String id) {
        return URI.create(base + "/activities/" + id);
    }

    /** What a local id points at: a circle, a thread in it, a post in that thread, or a pseudonym. */
    public record Local(String circle, String threadId, String postId, String pseudonymId) {
    }

    /** Reads one of this node's ids back; empty for ids of other servers or paths that name nothing. */
    public java.util.Optional<Local> local(URI id) {
        if (!isLocal(id) || id.getRawPath() == null) {
            return java.util.Optional.empty();
        }
        String[] parts = id.getRawPath().split("/");
        // "", "c", circle, "t", thread, ("p", post | "context")
        if (parts.length == 3 && parts[1].equals("u")) {
            return java.util.Optional.of(new Local(null, null, null, parts[2]));
        }
        if (parts.length < 3 || !parts[1].equals("c")) {
            return java.util.Optional.empty();
        }
        String circle = java.net.URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
        if (parts.length == 3) {
            return java.util.Optional.of(new Local(circle, null, null, null));
        }
        if (parts.length >= 5 && parts[3].equals("t")) {
            if (parts.length == 5 || (parts.length == 6 && parts[5].equals("context"))) {
                return java.util.Optional.of(new Local(circle, parts[4], null, null));
            }
            if (parts.length == 7 && parts[5].equals("p")) {
                return java.util.Optional.of(new Local(circle, parts[4], parts[6], null));
            }
        }
        return java.util.Optional.empty();
    }

    /** The key id HTTP signatures name for an actor. */
    public static String keyId(URI actor) {
        return actor + "#main-key";
    }

    /** The verification method object proofs name for an actor. */
    public static String proofKeyId(URI actor) {
        return actor + "#ed25519-key";
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@")
                .replace("%3A", ":");
    }
}
