package hearth.node.blocks;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Domains;
import hearth.federation.blocklist.Severity;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node's blocks at one moment, shaped for the questions asked on every inbound activity and
 * outbound request. An authority ({@code host} or {@code host:port}) is governed by the most
 * specific entry that covers it, as in Mastodon: an entry for {@code a.example} covers
 * {@code b.a.example} unless {@code b.a.example} has an entry of its own, and an entry with a
 * port covers only that exact authority. Immutable and thread-safe.
 */
record Snapshot(long version, Map<String, DomainBlock> domains, Map<URI, Severity> actors, boolean allowlist,
                Set<String> allow) {

    Snapshot {
        domains = Map.copyOf(domains);
        actors = Map.copyOf(actors);
        allow = Set.copyOf(allow);
    }

    static Snapshot empty(boolean allowlist, Set<String> allow) {
        return new Snapshot(-1, Map.of(), Map.of(), allowlist, allow);
    }

    /** The entry that governs {@code authority}, if any. */
    Optional<DomainBlock> entryFor(String authority) {
        return mostSpecific(authority, domains);
    }

    Severity severityFor(String authority) {
        return entryFor(authority).map(DomainBlock::severity).orElse(Severity.NOOP);
    }

    /** The stronger of the actor's own block and her domain's. */
    Severity severityFor(URI actor) {
        Severity own = actors.getOrDefault(withoutFragment(actor), Severity.NOOP);
        Severity domain = actor.getHost() == null ? Severity.NOOP : severityFor(authorityOf(actor));
        return own.atLeast(domain) ? own : domain;
    }

    boolean federatesWith(String authority) {
        if (authority == null || authority.isEmpty()) {
            return false;
        }
        if (severityFor(authority) == Severity.SUSPEND) {
            return false;
        }
        return !allowlist || isPartner(authority);
    }

    boolean refusesActor(URI actor) {
        return actor.getHost() == null || !federatesWith(authorityOf(actor))
                || actors.getOrDefault(withoutFragment(actor), Severity.NOOP) == Severity.SUSPEND;
    }

    boolean rejectsReportsFrom(String authority) {
        return entryFor(authority).map(DomainBlock::rejectReports).orElse(false);
    }

    boolean isPartner(String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        return allow.stream().anyMatch(d -> Domains.covers(d, a));
    }

    private static <T> Optional<T> mostSpecific(String authority, Map<String, T> entries) {
        if (authority == null || authority.isEmpty() || entries.isEmpty()) {
            return Optional.empty();
        }
        String a = authority.toLowerCase(Locale.ROOT);
        T exact = entries.get(a);
        if (exact != null) {
            return Optional.of(exact);
        }
        // Entries with a port cover only their exact authority; the rest walk up the host's labels.
        for (String host = Domains.hostOf(a); !host.isEmpty(); ) {
            T found = entries.get(host);
            if (found != null) {
                return Optional.of(found);
            }
            int dot = host.indexOf('.');
            host = dot < 0 ? "" : host.substring(dot + 1);
        }
        return Optional.empty();
    }

    static String authorityOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
    }

    static URI withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? uri : URI.create(text.substring(0, hash));
    }
}
