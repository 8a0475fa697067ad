package hearth.federation.discovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Objects;

/**
 * NodeInfo 2.1: the discovery document served at {@code /.well-known/nodeinfo} and the document
 * it points to, shaped to the 2.1 schema (software name "hearth", protocol "activitypub", no
 * third-party services, registrations closed).
 *
 * <pre>{@code
 * ObjectNode links = NodeInfo.wellKnown(URI.create("https://a.example/nodeinfo/2.1"));
 * ObjectNode info = NodeInfo.document("0.1.0", 120, 40, 90, 3000, "Perinatal support");
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class NodeInfo {

    public static final String SCHEMA_2_1 = "http://nodeinfo.diaspora.software/ns/schema/2.1";
    public static final String SOFTWARE = "hearth";

    private NodeInfo() {
    }

    /** {@code {"links":[{"rel":".../schema/2.1","href":nodeInfoUrl}]}} */
    public static ObjectNode wellKnown(URI nodeInfoUrl) {
        Objects.requireNonNull(nodeInfoUrl, "nodeInfoUrl");
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putArray("links").addObject().put("rel", SCHEMA_2_1).put("href", nodeInfoUrl.toString());
        return document;
    }

    /**
     * The NodeInfo 2.1 document. Counts must not be negative; they are published as given, so
     * the node decides how exact they may be.
     */
    public static ObjectNode document(String version, long users, long activeMonth, long activeHalfyear,
                                      long localPosts, String nodeName) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(nodeName, "nodeName");
        if (version.isBlank()) {
            throw new IllegalArgumentException("software version is blank");
        }
        if (users < 0 || activeMonth < 0 || activeHalfyear < 0 || localPosts < 0) {
            throw new IllegalArgumentException("usage counts cannot be negative");
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("version", "2.1");
        document.putObject("software").put("name", SOFTWARE).put("version", version);
        document.putArray("protocols").add("activitypub");
        ObjectNode services = document.putObject("services");
        services.putArray("inbound");
        services.putArray("outbound");
        document.put("openRegistrations", false);
        ObjectNode usage = document.putObject("usage");
        usage.putObject("users").put("total", users).put("activeMonth", activeMonth)
                .put("activeHalfyear", activeHalfyear);
        usage.put("localPosts", localPosts);
        document.putObject("metadata").put("nodeName", nodeName);
        return document;
    }
}
