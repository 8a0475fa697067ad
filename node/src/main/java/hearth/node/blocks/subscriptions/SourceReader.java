package hearth.node.blocks.subscriptions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.blocklist.BlocklistFormatException;
import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Feed;
import hearth.federation.blocklist.FeedDocument;
import hearth.federation.blocklist.FeedEntry;
import hearth.federation.blocklist.MastodonCsv;
import hearth.federation.blocklist.TargetKind;
import hearth.federation.json.Json;
import hearth.node.federation.Outbound;
import hearth.node.federation.RemoteActor;
import hearth.node.federation.RemoteActors;
import hearth.node.federation.Urls;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches one source and checks it. A Hearth feed is fetched with {@code ?since=} its last
 * accepted sequence and must be signed by its issuer, an actor on the feed's own host, with an
 * Ed25519 key that actor publishes; its sequence must not go backwards. A CSV is read whole.
 * Thread-safe.
 */
public final class SourceReader {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What a fetch brought. */
    public sealed interface Fetched permits Changes, WholeList {
    }

    /** A feed's changes since the last fetch: entries listed now, and domains it retracted. */
    public record Changes(long sequence, List<DomainBlock> listed, List<String> retracted) implements Fetched {
    }

    /** A CSV's complete list: whatever it does not list, it no longer lists. */
    public record WholeList(List<DomainBlock> listed) implements Fetched {
    }

    /** The source answered, but what it sent cannot be trusted or read; the message is for moderators. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Download download;
    private final RemoteActors actors;

    public SourceReader(Download download, RemoteActors actors) {
        this.download = download;
        this.actors = actors;
    }

    /**
     * @throws Refused          when the answer is refused (bad signature, foreign issuer, going backwards, unreadable)
     * @throws Outbound.Failed  when the source could not be reached or did not answer 2xx
     */
    public Fetched read(Source source) throws Refused {
        return switch (source.kind()) {
            case HEARTH -> readFeed(source);
            case CSV -> readCsv(source);
        };
    }

    private Changes readFeed(Source source) throws Refused {
        byte[] body = fetch(withSince(source.url(), source.lastSequence()));
        ObjectNode doc;
        try {
            doc = Json.parseObject(body);
        } catch (Json.MalformedJson e) {
            throw new Refused("the feed is not readable JSON");
        }
        String method = FeedDocument.verificationMethod(doc)
                .orElseThrow(() -> new Refused("the feed carries no signature"));
        Feed claimed;
        try {
            claimed = FeedDocument.parseUnverified(doc);
        } catch (BlocklistFormatException e) {
            throw new Refused("the feed is not a readable blocklist: " + e.getMessage());
        }
        URI issuer = claimed.issuer();
        if (issuer == null || issuer.getHost() == null
                || !Urls.authorityOf(issuer).equalsIgnoreCase(Urls.authorityOf(source.url()))) {
            throw new Refused("the feed names an issuer on another host than the feed's own");
        }
        Feed feed;
        try {
            feed = FeedDocument.verify(doc, issuerKey(issuer, method));
        } catch (BlocklistFormatException e) {
            throw new Refused(e.getMessage());
        }
        if (feed.sequence() < source.lastSequence()) {
            throw new Refused("the feed's sequence went backwards (" + feed.sequence() + " after "
                    + source.lastSequence() + ")");
        }
        List<DomainBlock> listed = new ArrayList<>();
        List<String> retracted = new ArrayList<>();
        for (FeedEntry entry : feed.entries()) {
            // Subscriptions weigh domains; a feed's blocks of single actors are for its own node.
            if (entry.kind() != TargetKind.DOMAIN) {
                continue;
            }
            if (entry.retracted()) {
                retracted.add(entry.target());
            } else {
                listed.add(entry.toDomainBlock());
            }
        }
        return new Changes(feed.sequence(), listed, retracted);
    }

    /** The issuer's Ed25519 key named by the proof; fetched again once if unknown (the key may be new). */
    private byte[] issuerKey(URI issuer, String method) throws Refused {
        RemoteActor actor = actors.get(issuer);
        byte[] key = actor.multikeys().get(method);
        if (key == null) {
            key = actors.refresh(issuer).multikeys().get(method);
        }
        if (key == null) {
            throw new Refused("the feed is signed with a key its issuer does not publish");
        }
        return key;
    }

    private WholeList readCsv(Source source) throws Refused {
        byte[] body = fetch(source.url());
        List<DomainBlock> blocks;
        try {
            blocks = MastodonCsv.read(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        } catch (BlocklistFormatException e) {
            throw new Refused("the list is not a readable Mastodon CSV: " + e.getMessage());
        }
        // Mastodon's export may hide a domain behind asterisks; such an entry names no domain to block.
        return new WholeList(blocks.stream().filter(b -> b.domain().indexOf('*') < 0).toList());
    }

    private byte[] fetch(URI uri) {
        Outbound.Response response = download.get(uri, TIMEOUT);
        if (!response.ok()) {
            throw new Outbound.Failed("the source answered " + response.status());
        }
        return response.body();
    }

    static URI withSince(URI url, long since) {
        String text = url.toString();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        return URI.create(text + (url.getRawQuery() == null ? "?" : "&") + "since=" + since);
    }
}
