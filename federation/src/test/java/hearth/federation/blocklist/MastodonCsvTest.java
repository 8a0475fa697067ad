package hearth.federation.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MastodonCsvTest {

    /**
     * Shaped as Mastodon's admin export (Admin::ExportDomainBlocksController, Ruby CSV with its
     * defaults): its header, LF line ends, quotes only where needed, a nil comment as an empty field.
     */
    static final String MASTODON_EXPORT = """
            #domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate
            spam.example,suspend,false,false,Spam,false
            harass.example,suspend,true,true,"Targeted harassment, doxxing; admins ignore reports",false
            freeze.example,silence,false,false,"Calls itself a ""free speech"" zone",true
            quiet.example,silence,true,false,,false
            media.example,noop,true,false,"Graphic images
            without content warnings",false
            """;

    private static List<DomainBlock> read(String text) throws BlocklistFormatException {
        return MastodonCsv.read(new StringReader(text));
    }

    private static String write(List<DomainBlock> blocks) {
        StringWriter out = new StringWriter();
        MastodonCsv.write(blocks, out);
        return out.toString();
    }

    @Test
    void readsAMastodonExport() throws Exception {
        List<DomainBlock> blocks = read(MASTODON_EXPORT);
        assertEquals(List.of(
                new DomainBlock("spam.example", Severity.SUSPEND, false, false, "Spam", "", false),
                new DomainBlock("harass.example", Severity.SUSPEND, true, true,
                        "Targeted harassment, doxxing; admins ignore reports", "", false),
                new DomainBlock("freeze.example", Severity.SILENCE, false, false,
                        "Calls itself a \"free speech\" zone", "", true),
                new DomainBlock("quiet.example", Severity.SILENCE, true, false, "", "", false),
                new DomainBlock("media.example", Severity.NOOP, true, false,
                        "Graphic images\nwithout content warnings", "", false)), blocks);
    }

    @Test
    void writingAMastodonExportReadBackGivesTheSameBytes() throws Exception {
        assertEquals(MASTODON_EXPORT, write(read(MASTODON_EXPORT)));
    }

    @Test
    void blocksSurviveWriteThenRead() throws Exception {
        List<DomainBlock> blocks = List.of(
                new DomainBlock("a.example", Severity.FILTER, true, false, " leading and trailing ", "", true),
                new DomainBlock("b.example", Severity.SUSPEND, false, true, "cr\r\nlf, \"quote\"", "", false),
                new DomainBlock("c.example", Severity.SILENCE, false, false, "old\rline end", "", false),
                new DomainBlock("xn--bcher-kva.example", Severity.NOOP, false, false, "Bücher, ü", "", false));
        assertEquals(blocks, read(write(blocks)));
    }

    @Test
    void writesMastodonsHeaderAndNeverThePrivateComment() {
        String text = write(List.of(new DomainBlock("a.example", Severity.SILENCE, false, true,
                "", "reported by our member in thread 12", false)));
        assertEquals(MastodonCsv.HEADER + "\na.example,silence,false,true,,false\n", text);
    }

    @Test
    void missingColumnsTakeMastodonsDefaults() throws Exception {
        assertEquals(List.of(DomainBlock.of("a.example", Severity.SUSPEND)), read("#domain\na.example\n"));
    }

    @Test
    void emptyValuesTakeMastodonsDefaults() throws Exception {
        assertEquals(List.of(DomainBlock.of("a.example", Severity.SUSPEND)),
                read(MastodonCsv.HEADER + "\na.example,,,,,\n"));
    }

    @Test
    void columnsMayComeInAnyOrderWithOrWithoutHash() throws Exception {
        List<DomainBlock> blocks = read("""
                obfuscate,#public_comment,severity,domain,reject_reports
                true,bots,silence,a.example,1
                """);
        assertEquals(List.of(new DomainBlock("a.example", Severity.SILENCE, false, true, "bots", "", true)), blocks);
    }

    @Test
    void fediBlockHoleHeaderFillsThePrivateCommentAndExtraColumnsAreIgnored() throws Exception {
        List<DomainBlock> blocks = read("""
                #domain,#severity,#private_comment,#public_comment,#reject_media,#reject_reports,#obfuscate,#confidence
                a.example,suspend,seen in three lists,Harassment,True,FALSE,false,high
                """);
        assertEquals(List.of(new DomainBlock("a.example", Severity.SUSPEND, true, false,
                "Harassment", "seen in three lists", false)), blocks);
    }

    @Test
    void headerlessListOfDomainsWithBomBlankLinesAndCrlf() throws Exception {
        List<DomainBlock> blocks = read("\uFEFFa.example\r\n\r\nB.Example.\r\n   \r\nc.example");
        assertEquals(List.of(DomainBlock.of("a.example", Severity.SUSPEND), DomainBlock.of("b.example", Severity.SUSPEND),
                DomainBlock.of("c.example", Severity.SUSPEND)), blocks);
    }

    @Test
    void headerlessRowsAreInMastodonsColumnOrder() throws Exception {
        assertEquals(List.of(new DomainBlock("a.example", Severity.SILENCE, true, false, "bots", "", false)),
                read("a.example,silence,true,false,bots,false\n"));
    }

    @Test
    void booleansAcceptAnyCaseAndOneOrZero() throws Exception {
        List<DomainBlock> blocks = read(MastodonCsv.HEADER + "\na.example,suspend,TRUE,0,,1\nb.example,suspend,1,False,,\n");
        assertEquals(new DomainBlock("a.example", Severity.SUSPEND, true, false, "", "", true), blocks.get(0));
        assertEquals(new DomainBlock("b.example", Severity.SUSPEND, true, false, "", "", false), blocks.get(1));
    }

    @Test
    void aDomainListedTwiceKeepsItsLastValues() throws Exception {
        List<DomainBlock> blocks = read("#domain,#severity\na.example,silence\nb.example,noop\nA.example,suspend\n");
        assertEquals(List.of(DomainBlock.of("a.example", Severity.SUSPEND), DomainBlock.of("b.example", Severity.NOOP)),
                blocks);
    }

    @Test
    void internationalDomainsAreReadAsPunycode() throws Exception {
        assertEquals("xn--bcher-kva.example", read("bücher.example\n").getFirst().domain());
    }

    @Test
    void anEmptyFileHasNoBlocks() throws Exception {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read(MastodonCsv.HEADER + "\n"));
    }

    // ---- refusals: each names its line

    @Test
    void aBadDomainAmongManyIsRefusedNamingItsLine() {
        String text = MASTODON_EXPORT + "fine.example,suspend,false,false,,false\nexa mple.org,suspend,false,false,,false\n";
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class, () -> read(text));
        assertEquals(9, e.line(), "the quoted comment spans two lines, so the bad domain is on line 9");
        assertEquals("line 9: \"exa mple.org\" is not a domain name", e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheLineItOpens() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> read(MastodonCsv.HEADER + "\na.example,suspend,false,false,\"never closed,false\nb.example\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsRefused() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> read(MastodonCsv.HEADER + "\na.example,suspend,false,false,the \"worst\",false\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("quote inside an unquoted field"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> read(MastodonCsv.HEADER + "\na.example,suspend,false,false,\"the \"worst\" one\",false\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("after a closing quote"), e.getMessage());
    }

    @Test
    void anUnknownSeverityIsRefused() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> read("#domain,#severity\na.example,sometimes\n"));
        assertEquals("line 2: \"sometimes\" is not a severity (noop, silence, filter or suspend)", e.getMessage());
    }

    @Test
    void aFlagThatIsNotABooleanIsRefused() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> read("#domain,#reject_media\na.example,yes\n"));
        assertEquals("line 2: reject_media must be true or false, not \"yes\"", e.getMessage());
    }

    @Test
    void aRowWithoutADomainIsRefused() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> read(MastodonCsv.HEADER + "\n,suspend,false,false,,false\n"));
        assertEquals("line 2: no domain", e.getMessage());
    }

    @Test
    void aPublicCommentLongerThanAllowedIsRefused() {
        String comment = "x".repeat(DomainBlock.MAX_PUBLIC_COMMENT + 1);
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> read("#domain,#public_comment\na.example," + comment + "\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("public comment"), e.getMessage());
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> read("#domain,#severity,severity\na.example,silence,suspend\n"));
        assertEquals("line 1: the column severity appears twice", e.getMessage());
    }
}
