package hearth.federation.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedTest {

    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    private static FeedEntry domain(String target, long sequence, boolean retracted) {
        return new FeedEntry(target, TargetKind.DOMAIN, Severity.SUSPEND, false, false, List.of(), "", T, T,
                sequence, retracted);
    }

    private static Feed feed(long sequence, List<FeedEntry> entries) {
        return new Feed(URI.create("https://hearth.example/blocklist.json"),
                URI.create("https://hearth.example/actor/node"), sequence, T, entries);
    }

    @Test
    void sinceKeepsOnlyEntriesChangedAfterN() {
        Feed all = feed(9, List.of(domain("a.example", 3, false), domain("b.example", 4, true),
                domain("c.example", 9, false)));
        Feed since = all.since(4);
        assertEquals(List.of(domain("c.example", 9, false)), since.entries());
        assertEquals(9, since.sequence());
        assertEquals(all.id(), since.id());
    }

    @Test
    void sinceZeroKeepsEverythingAndSinceTheLatestKeepsNothing() {
        Feed all = feed(9, List.of(domain("a.example", 3, false), domain("c.example", 9, false)));
        assertEquals(all, all.since(0));
        assertEquals(List.of(), all.since(9).entries());
    }

    @Test
    void domainBlocksLeaveOutRetractionsAndActors() {
        FeedEntry actor = new FeedEntry("https://x.example/u/1", TargetKind.ACTOR, Severity.SUSPEND, false, false,
                List.of(), "", T, T, 2, false);
        Feed f = feed(3, List.of(domain("a.example", 1, false), actor, domain("b.example", 3, true)));
        assertEquals(Map.of("a.example", DomainBlock.of("a.example", Severity.SUSPEND)), f.domainBlocks());
    }

    @Test
    void timesAreKeptToTheSecond() {
        FeedEntry e = new FeedEntry("a.example", TargetKind.DOMAIN, Severity.NOOP, false, false, null, null,
                Instant.parse("2025-01-01T00:00:00.900Z"), Instant.parse("2025-01-02T00:00:00.100Z"), 1, false);
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), e.firstChanged());
        assertEquals(List.of(), e.labels());
        assertEquals("", e.publicReason());
    }

    @Test
    void aTargetListedTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> feed(5, List.of(domain("a.example", 1, false), domain("A.example.", 2, true))));
    }

    @Test
    void anEntryNewerThanTheFeedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> feed(1, List.of(domain("a.example", 2, false))));
    }

    @Test
    void anEntryChangedBeforeItFirstChangedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FeedEntry("a.example", TargetKind.DOMAIN,
                Severity.NOOP, false, false, List.of(), "", T, T.minusSeconds(1), 1, false));
    }

    @Test
    void anActorTargetThatIsNotAnHttpUriIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FeedEntry("acct:troll@x.example", TargetKind.ACTOR,
                Severity.SUSPEND, false, false, List.of(), "", T, T, 1, false));
    }

    @Test
    void aBlankLabelIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FeedEntry("a.example", TargetKind.DOMAIN,
                Severity.SUSPEND, false, false, List.of(" "), "", T, T, 1, false));
    }

    @Test
    void anActorEntryIsNotADomainBlock() {
        FeedEntry actor = new FeedEntry("https://x.example/u/1", TargetKind.ACTOR, Severity.SUSPEND, false, false,
                List.of(), "", T, T, 2, false);
        assertThrows(IllegalStateException.class, actor::toDomainBlock);
    }
}
