package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Json;
import hearth.node.blocks.Blocks;
import java.net.URI;
import java.time.Duration;

/**
 * Fetches ActivityPub documents, signed by the node's own actor (never by a pseudonym, so a
 * fetch reveals nothing about who is reading). Thread-safe.
 */
public final class Fetcher {

    private final Outbound outbound;
    private final ActorKeys keys;
    private final Urls urls;
    private final Blocks blocks;

    public Fetcher(Outbound outbound, ActorKeys keys, Urls urls, Blocks blocks) {
        this.outbound = outbound;
        this.keys = keys;
        this.urls = urls;
        this.blocks = blocks;
    }

    /** The JSON object at {@code uri}; fails on anything but a 2xx JSON answer, and on a blocked server. */
    public ObjectNode fetchJson(URI uri, Duration timeout) {
        if (uri.getHost() == null || !blocks.federatesWith(Urls.authorityOf(uri))) {
            throw new Outbound.Failed("refused: this node does not federate with that server");
        }
        Outbound.Response response = outbound.get(uri, Urls.keyId(urls.nodeActor()),
                keys.rsa(ActorKeys.nodePath()).getPrivate(), timeout);
        if (!response.ok()) {
            throw new Outbound.Failed("fetch answered " + response.status());
        }
        String type = response.contentType() == null ? "" : response.contentType();
        if (!type.contains("json")) {
            throw new Outbound.Failed("fetch answered with something that is not JSON");
        }
        try {
            return Json.parseObject(response.body());
        } catch (Json.MalformedJson e) {
            throw new Outbound.Failed("fetch answered with unreadable JSON");
        }
    }
}
