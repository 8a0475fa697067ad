package hearth.federation.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DomainBlockTest {

    @Test
    void theDomainIsNormalizedAndNullCommentsBecomeEmpty() {
        DomainBlock b = new DomainBlock(" Spam.Example. ", Severity.SILENCE, false, false, null, null, false);
        assertEquals("spam.example", b.domain());
        assertEquals("", b.publicComment());
        assertEquals("", b.privateComment());
    }

    @Test
    void ofTakesMastodonsDefaults() {
        assertEquals(new DomainBlock("a.example", Severity.NOOP, false, false, "", "", false),
                DomainBlock.of("a.example", Severity.NOOP));
    }

    @Test
    void withoutPrivateCommentKeepsEverythingElse() {
        DomainBlock b = new DomainBlock("a.example", Severity.SUSPEND, true, true, "public", "private", true);
        assertEquals(new DomainBlock("a.example", Severity.SUSPEND, true, true, "public", "", true),
                b.withoutPrivateComment());
    }

    @Test
    void aPublicCommentOfTheMaximumLengthIsAccepted() {
        String comment = "x".repeat(DomainBlock.MAX_PUBLIC_COMMENT);
        assertEquals(comment, new DomainBlock("a.example", Severity.SUSPEND, false, false, comment, "", false)
                .publicComment());
    }

    @Test
    void aLongerPublicCommentIsRefused() {
        String comment = "x".repeat(DomainBlock.MAX_PUBLIC_COMMENT + 1);
        assertThrows(IllegalArgumentException.class,
                () -> new DomainBlock("a.example", Severity.SUSPEND, false, false, comment, "", false));
    }

    @Test
    void aNameThatIsNotADomainIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DomainBlock.of("exa mple.org", Severity.SUSPEND));
    }

    @Test
    void aMissingSeverityIsRefused() {
        assertThrows(NullPointerException.class, () -> DomainBlock.of("a.example", null));
    }
}
