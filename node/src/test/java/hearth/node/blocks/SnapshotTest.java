package hearth.node.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Severity;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the in-memory view matches servers and actors against entries. */
class SnapshotTest {

    private static Snapshot of(List<DomainBlock> blocks, Map<URI, Severity> actors, boolean allowlist, Set<String> allow) {
        Map<String, DomainBlock> domains = new LinkedHashMap<>();
        blocks.forEach(b -> domains.put(b.domain(), b));
        return new Snapshot(1, domains, actors, allowlist, allow);
    }

    private static Snapshot of(DomainBlock... blocks) {
        return of(List.of(blocks), Map.of(), false, Set.of());
    }

    private static DomainBlock block(String domain, Severity severity) {
        return DomainBlock.of(domain, severity);
    }

    @Test
    void aServerWithoutEntryIsNoopAndFederated() {
        Snapshot s = of(block("bad.example", Severity.SUSPEND));
        assertEquals(Severity.NOOP, s.severityFor("good.example"));
        assertTrue(s.federatesWith("good.example"));
    }

    @Test
    void anEntryCoversItsSubdomains() {
        Snapshot s = of(block("bad.example", Severity.SUSPEND));
        assertEquals(Severity.SUSPEND, s.severityFor("bad.example"));
        assertEquals(Severity.SUSPEND, s.severityFor("social.bad.example"));
        assertEquals(Severity.SUSPEND, s.severityFor("social.bad.example:8443"));
        assertFalse(s.federatesWith("social.bad.example"));
    }

    @Test
    void anEntryDoesNotCoverANameThatOnlyEndsLikeIt() {
        Snapshot s = of(block("bad.example", Severity.SUSPEND));
        assertEquals(Severity.NOOP, s.severityFor("notbad.example"));
        assertTrue(s.federatesWith("notbad.example"));
    }

    @Test
    void theMostSpecificEntryWins() {
        Snapshot s = of(block("bad.example", Severity.SUSPEND), block("ok.bad.example", Severity.SILENCE));
        assertEquals(Severity.SILENCE, s.severityFor("ok.bad.example"));
        assertEquals(Severity.SILENCE, s.severityFor("a.ok.bad.example"));
        assertEquals(Severity.SUSPEND, s.severityFor("other.bad.example"));
    }

    @Test
    void anEntryWithAPortCoversOnlyThatAuthority() {
        Snapshot s = of(block("127.0.0.1:8081", Severity.SUSPEND));
        assertFalse(s.federatesWith("127.0.0.1:8081"));
        assertTrue(s.federatesWith("127.0.0.1:8082"));
        assertTrue(s.federatesWith("127.0.0.1"));
    }

    @Test
    void matchingIgnoresCase() {
        Snapshot s = of(block("bad.example", Severity.SUSPEND));
        assertFalse(s.federatesWith("Social.BAD.example"));
    }

    @Test
    void aSuspendedServersActorsAreRefused() {
        Snapshot s = of(block("bad.example", Severity.SUSPEND));
        assertTrue(s.refusesActor(URI.create("https://bad.example/users/troll")));
        assertFalse(s.refusesActor(URI.create("https://good.example/users/ana")));
    }

    @Test
    void aSilencedServersActorsAreNotRefused() {
        Snapshot s = of(block("loud.example", Severity.SILENCE));
        assertFalse(s.refusesActor(URI.create("https://loud.example/users/ana")));
        assertEquals(Severity.SILENCE, s.severityFor(URI.create("https://loud.example/users/ana")));
    }

    @Test
    void anActorBlockRefusesOnlyThatActorWhateverTheFragment() {
        URI troll = URI.create("https://mixed.example/users/troll");
        Snapshot s = of(List.of(), Map.of(troll, Severity.SUSPEND), false, Set.of());
        assertTrue(s.refusesActor(URI.create("https://mixed.example/users/troll#main-key")));
        assertFalse(s.refusesActor(URI.create("https://mixed.example/users/ana")));
        assertTrue(s.federatesWith("mixed.example"));
    }

    @Test
    void anActorsSeverityIsTheStrongerOfHersAndHerServers() {
        URI ana = URI.create("https://loud.example/users/ana");
        URI bea = URI.create("https://loud.example/users/bea");
        Snapshot s = of(List.of(block("loud.example", Severity.SILENCE)), Map.of(ana, Severity.FILTER), false, Set.of());
        assertEquals(Severity.FILTER, s.severityFor(ana));
        assertEquals(Severity.SILENCE, s.severityFor(bea));
    }

    @Test
    void allowlistModeRefusesAServerThatIsNotAPartner() {
        Snapshot s = of(List.of(), Map.of(), true, Set.of("partner.example"));
        assertFalse(s.federatesWith("stranger.example"));
        assertTrue(s.refusesActor(URI.create("https://stranger.example/users/x")));
    }

    @Test
    void allowlistModeAcceptsPartnersAndTheirSubdomains() {
        Snapshot s = of(List.of(), Map.of(), true, Set.of("partner.example"));
        assertTrue(s.federatesWith("partner.example"));
        assertTrue(s.federatesWith("social.partner.example"));
        assertFalse(s.federatesWith("notpartner.example"));
    }

    @Test
    void aSuspensionHoldsForAPartnerToo() {
        Snapshot s = of(List.of(block("partner.example", Severity.SUSPEND)), Map.of(), true, Set.of("partner.example"));
        assertFalse(s.federatesWith("partner.example"));
    }

    @Test
    void openModeIgnoresTheAllowList() {
        Snapshot s = of(List.of(), Map.of(), false, Set.of("partner.example"));
        assertTrue(s.federatesWith("stranger.example"));
    }

    @Test
    void reportsAreRejectedAsTheGoverningEntrySays() {
        Snapshot s = of(new DomainBlock("noisy.example", Severity.NOOP, false, true, "", "", false),
                block("fine.noisy.example", Severity.NOOP));
        assertTrue(s.rejectsReportsFrom("noisy.example"));
        assertTrue(s.rejectsReportsFrom("x.noisy.example"));
        assertFalse(s.rejectsReportsFrom("fine.noisy.example"));
        assertTrue(s.federatesWith("noisy.example"));
    }

    @Test
    void anEmptyAuthorityIsNeverFederatedWith() {
        assertFalse(of().federatesWith(""));
        assertTrue(of().refusesActor(URI.create("urn:uuid:1234")));
    }
}
