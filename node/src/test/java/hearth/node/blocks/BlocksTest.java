package hearth.node.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.blocklist.BlocklistFormatException;
import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Feed;
import hearth.federation.blocklist.FeedEntry;
import hearth.federation.blocklist.Severity;
import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.ForumService;
import hearth.node.moderation.ModLog;
import hearth.node.store.Backend;
import hearth.node.store.Database;
import hearth.ui.text.PostFormatter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Changes to blocks and what goes with them (modlog, feed history, import, export), on a real SQLite file. */
@ParameterizedClass
@EnumSource(Backend.class)
class BlocksTest {

    @Parameter
    Backend backend;

    private static final URI FEED = URI.create("https://hearth.example/blocklist.json");
    private static final URI ISSUER = URI.create("https://hearth.example/actor");
    private static final String MOD = "01HZZZZZZZZZZZZZZZZZZZZZZZ";

    private Database db;
    private FederatedPosts posts;
    private Blocks blocks;

    @BeforeEach
    void open() {
        db = backend.open();
        ForumService forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), Clock.systemUTC());
        forum.applyCircles(List.of(new CircleSeed("perinatal", "Pregnancy and after birth", "")));
        posts = new FederatedPosts(db, forum, Clock.systemUTC());
        blocks = new Blocks(db, posts, false, List.of(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        blocks.close();
        db.close();
    }

    private static DomainBlock block(String domain, Severity severity, String comment) {
        return new DomainBlock(domain, severity, false, false, comment, "", false);
    }

    private List<ModLog.Entry> log() {
        return db.read(c -> ModLog.latest(c, null, 100));
    }

    private Feed feed() {
        return blocks.feed(FEED, ISSUER);
    }

    @Test
    void aBlockAppliesAtOnce() {
        assertTrue(blocks.federatesWith("bad.example"));
        assertTrue(blocks.put(block("bad.example", Severity.SUSPEND, "harassment"), false, MOD));
        assertFalse(blocks.federatesWith("bad.example"));
        assertEquals(Severity.SUSPEND, blocks.severityFor("www.bad.example"));
    }

    @Test
    void aBlockIsListedWithItsComments() {
        blocks.put(new DomainBlock("bad.example", Severity.SILENCE, true, true, "spam", "see report", false), true, MOD);
        DomainEntry entry = blocks.list().getFirst();
        assertEquals("bad.example", entry.domain());
        assertEquals("see report", entry.block().privateComment());
        assertTrue(entry.shared());
        assertTrue(entry.block().rejectReports());
    }

    @Test
    void theSameBlockTwiceChangesNothing() {
        blocks.put(block("bad.example", Severity.SUSPEND, "spam"), false, MOD);
        assertFalse(blocks.put(block("bad.example", Severity.SUSPEND, "spam"), false, MOD));
        assertEquals(1, log().size());
    }

    @Test
    void everyChangeIsInTheModlogWithTheDomain() {
        blocks.put(block("bad.example", Severity.SILENCE, "spam"), false, MOD);
        blocks.put(block("bad.example", Severity.SUSPEND, "spam waves"), false, MOD);
        blocks.lift("bad.example", MOD, "they cleaned up");
        List<ModLog.Entry> log = log();
        assertEquals(List.of("lift-block", "change-block", "block-domain"), log.stream().map(ModLog.Entry::action).toList());
        assertTrue(log.stream().allMatch(e -> e.target().equals("bad.example")));
        assertEquals("suspend: spam waves", log.get(1).reason());
        assertEquals("they cleaned up", log.get(0).reason());
    }

    @Test
    void anObfuscatedDomainIsNeverNamedInTheModlog() {
        blocks.put(new DomainBlock("dreadful.example", Severity.SUSPEND, false, false, "", "", true), false, MOD);
        String target = log().getFirst().target();
        assertFalse(target.contains("dreadful"), target);
        assertEquals("dreadful.example".length(), target.length());
        assertTrue(target.startsWith("drea") && target.endsWith("mple"), target);
    }

    @Test
    void aSharedBlockIsPublished() {
        blocks.put(block("bad.example", Severity.SUSPEND, "harassment"), true, MOD);
        Feed feed = feed();
        assertEquals(1, feed.sequence());
        FeedEntry entry = feed.entries().getFirst();
        assertEquals("bad.example", entry.target());
        assertEquals("harassment", entry.publicReason());
        assertFalse(entry.retracted());
    }

    @Test
    void anUnsharedBlockIsNotPublished() {
        blocks.put(block("bad.example", Severity.SUSPEND, "harassment"), false, MOD);
        assertTrue(feed().entries().isEmpty());
        assertEquals(0, feed().sequence());
    }

    @Test
    void anObfuscatedBlockIsNotPublishedEvenWhenShared() {
        blocks.put(new DomainBlock("bad.example", Severity.SUSPEND, false, false, "", "", true), true, MOD);
        assertTrue(feed().entries().isEmpty());
    }

    @Test
    void aPrivateCommentIsNeverPublished() {
        blocks.put(new DomainBlock("bad.example", Severity.SUSPEND, false, false, "public", "private words", false),
                true, MOD);
        StringWriter csv = new StringWriter();
        blocks.sharedCsv(csv);
        assertFalse(csv.toString().contains("private words"));
        assertFalse(feed().entries().toString().contains("private words"));
    }

    @Test
    void liftingAPublishedBlockPublishesARetraction() {
        blocks.put(block("bad.example", Severity.SUSPEND, "harassment"), true, MOD);
        blocks.lift("bad.example", MOD, "resolved");
        Feed feed = feed();
        assertEquals(2, feed.sequence());
        FeedEntry entry = feed.entries().getFirst();
        assertTrue(entry.retracted());
        assertEquals(2, entry.sequence());
        assertTrue(feed.domainBlocks().isEmpty());
    }

    @Test
    void unsharingAPublishedBlockPublishesARetraction() {
        blocks.put(block("bad.example", Severity.SUSPEND, "harassment"), true, MOD);
        blocks.put(block("bad.example", Severity.SUSPEND, "harassment"), false, MOD);
        assertTrue(feed().entries().getFirst().retracted());
    }

    @Test
    void reblockingARetractedEntryPublishesItAgain() {
        blocks.put(block("bad.example", Severity.SUSPEND, "one"), true, MOD);
        blocks.lift("bad.example", MOD, "");
        blocks.put(block("bad.example", Severity.SILENCE, "two"), true, MOD);
        FeedEntry entry = feed().entries().getFirst();
        assertFalse(entry.retracted());
        assertEquals(Severity.SILENCE, entry.severity());
        assertEquals(3, entry.sequence());
    }

    @Test
    void sinceKeepsOnlyLaterChanges() {
        blocks.put(block("one.example", Severity.SUSPEND, ""), true, MOD);
        blocks.put(block("two.example", Severity.SUSPEND, ""), true, MOD);
        blocks.lift("one.example", MOD, "");
        Feed later = feed().since(2);
        assertEquals(List.of("one.example"), later.entries().stream().map(FeedEntry::target).toList());
        assertTrue(later.entries().getFirst().retracted());
        assertEquals(3, later.sequence());
    }

    @Test
    void liftingWhatIsNotBlockedChangesNothing() {
        assertFalse(blocks.lift("never.example", MOD, ""));
        assertTrue(log().isEmpty());
    }

    @Test
    void anActorBlockRefusesHerOnly() {
        URI troll = URI.create("https://mixed.example/users/troll");
        assertTrue(blocks.putActor(troll, Severity.SUSPEND, "threats", MOD));
        assertTrue(blocks.refusesActor(troll));
        assertFalse(blocks.refusesActor(URI.create("https://mixed.example/users/ana")));
        assertEquals("block-actor", log().getFirst().action());
        assertTrue(blocks.liftActor(troll, MOD, "appeal"));
        assertFalse(blocks.refusesActor(troll));
    }

    @Test
    void importAppliesEveryLineAndKeepsWhatTheFileCannotSay() throws Exception {
        blocks.put(new DomainBlock("old.example", Severity.SILENCE, false, false, "", "our note", false), true, MOD);
        Blocks.ImportResult result = blocks.importCsv(new StringReader("""
                #domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate
                old.example,suspend,false,false,worse now,false
                new.example,silence,true,false,"spam, mostly",false
                """), MOD);
        assertEquals(new Blocks.ImportResult(2, 2), result);
        DomainEntry old = blocks.get("old.example").orElseThrow();
        assertEquals(Severity.SUSPEND, old.block().severity());
        assertEquals("our note", old.block().privateComment());
        assertTrue(old.shared());
        assertEquals(Severity.SILENCE, blocks.severityFor("new.example"));
        assertFalse(blocks.get("new.example").orElseThrow().shared());
    }

    @Test
    void aBadLineRefusesTheWholeImport() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class, () -> blocks.importCsv(
                new StringReader("#domain,#severity\ngood.example,suspend\nnot a domain!,suspend\n"), MOD));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertTrue(blocks.list().isEmpty());
    }

    @Test
    void exportWritesMastodonsCsvWithoutPrivateComments() {
        blocks.put(new DomainBlock("b.example", Severity.SILENCE, true, false, "spam, \"mostly\"", "secret", false),
                false, MOD);
        blocks.put(new DomainBlock("a.example", Severity.SUSPEND, false, true, "", "", true), false, MOD);
        StringWriter out = new StringWriter();
        blocks.exportCsv(out);
        assertEquals("""
                #domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate
                a.example,suspend,false,true,,true
                b.example,silence,true,false,"spam, ""mostly\""",false
                """, out.toString());
    }

    @Test
    void aChangeByAnotherProcessIsSeenOnRefresh() {
        try (Blocks other = new Blocks(db, posts, false, List.of(), Clock.systemUTC())) {
            other.put(block("bad.example", Severity.SUSPEND, ""), false, null);
        }
        assertTrue(blocks.federatesWith("bad.example"));
        blocks.refresh();
        assertFalse(blocks.federatesWith("bad.example"));
    }

    @Test
    void allowlistModeRefusesStrangersAndKeepsPartners() {
        try (Blocks allowlist = new Blocks(db, posts, true, List.of("Partner.Example"), Clock.systemUTC())) {
            assertTrue(allowlist.federatesWith("partner.example"));
            assertFalse(allowlist.federatesWith("stranger.example"));
            assertEquals(java.util.Set.of("partner.example"), allowlist.partners());
        }
    }
}
