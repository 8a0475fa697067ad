package hearth.federation.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * WebFinger (RFC 7033) as ActivityPub uses it: answer for a local handle, find the actor in a
 * remote answer, and build the lookup URL.
 *
 * <pre>{@code
 * URI url = WebFinger.lookupUri(Handle.parse("@perinatal@a.example"), "https");
 * // fetch it (the node does), then:
 * Optional<URI> actor = WebFinger.actorId(jrd);
 * }</pre>
 *
 * Stateless and thread-safe. Remote documents are untrusted: whatever is found still has to pass
 * the node's fetch rules before it is requested.
 */
public final class WebFinger {

    public static final String ACTIVITY_JSON = "application/activity+json";
    public static final String PROFILE_PAGE = "http://webfinger.net/rel/profile-page";
    private static final String AS_PROFILE = "https://www.w3.org/ns/activitystreams";

    private WebFinger() {
    }

    /**
     * The JRD to serve for {@code subject}: its acct URI, the actor and page as aliases, a
     * {@code self} link to the actor and a {@code profile-page} link to the page.
     */
    public static ObjectNode document(Handle subject, URI actorId, URI profilePage) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(profilePage, "profilePage");
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode jrd = json.objectNode();
        jrd.put("subject", subject.acct());
        jrd.putArray("aliases").add(actorId.toString()).add(profilePage.toString());
        ArrayNode links = jrd.putArray("links");
        links.addObject().put("rel", "self").put("type", ACTIVITY_JSON).put("href", actorId.toString());
        links.addObject().put("rel", PROFILE_PAGE).put("type", "text/html").put("href", profilePage.toString());
        return jrd;
    }

    /**
     * The actor id from a remote JRD: the first {@code self} link whose type is an ActivityPub
     * media type ({@code application/activity+json}, or {@code application/ld+json} with the
     * ActivityStreams profile) and whose href is an absolute http(s) URI. Empty otherwise.
     */
    public static Optional<URI> actorId(JsonNode jrd) {
        Objects.requireNonNull(jrd, "jrd");
        for (JsonNode link : jrd.path("links")) {
            if ("self".equals(link.path("rel").textValue()) && isActivityPub(link.path("type").textValue())) {
                Optional<URI> href = httpUri(link.path("href").textValue());
                if (href.isPresent()) {
                    return href;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code scheme://host/.well-known/webfinger?resource=acct:name@host}; scheme is http or https. */
    public static URI lookupUri(Handle handle, String scheme) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(scheme, "scheme");
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("WebFinger is fetched over http or https, not " + scheme);
        }
        // Handle admits only characters that are legal in a query as they are.
        return URI.create(scheme + "://" + handle.host() + "/.well-known/webfinger?resource=" + handle.acct());
    }

    static boolean isActivityPub(String type) {
        if (type == null) {
            return false;
        }
        String[] parts = type.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        if (media.equals(ACTIVITY_JSON)) {
            return true;
        }
        if (!media.equals("application/ld+json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("profile")) {
                String value = parameter.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                for (String profile : value.split(" ")) {
                    if (profile.equals(AS_PROFILE)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Optional<URI> httpUri(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("https") || scheme.equals("http");
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
