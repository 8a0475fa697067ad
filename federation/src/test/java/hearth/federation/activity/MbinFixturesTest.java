package hearth.federation.activity;

import static hearth.federation.Fixtures.activity;
import static hearth.federation.Fixtures.roundTrip;
import static hearth.federation.Fixtures.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import hearth.federation.json.Fields;
import hearth.federation.object.Note;
import hearth.federation.object.Page;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mbin as it federates (fixtures under {@code fixtures/mbin}; sources in their README). */
class MbinFixturesTest {

    private static final URI MAGAZINE = uri("https://mbin.example/m/support");
    private static final URI PUBLIC = uri(Fields.PUBLIC);
    private static final URI ENTRY = uri("https://mbin.example/m/support/t/4217/A-gentle-reminder-to-rest");

    @Test
    void threadInAMagazine() {
        Create create = assertInstanceOf(Create.class, activity("mbin/create_page.json"));
        assertEquals(uri("https://mbin.example/u/rowan"), create.actor());
        assertEquals(List.of(MAGAZINE, PUBLIC), create.to());
        Page page = assertInstanceOf(Page.class, create.object());
        assertEquals(ENTRY, page.id());
        assertEquals(MAGAZINE, page.audience());
        assertEquals("A gentle reminder to rest", page.name());
        assertEquals("<p>Resting is not giving up.</p>\n", page.contentHtml());
        assertEquals("Resting is not giving up.", page.source());
        assertFalse(page.sensitive());
        assertEquals("A gentle reminder to rest #selfcare", page.summary());
        assertEquals(Instant.parse("2024-06-01T12:03:44Z"), page.published());
        assertEquals(List.of(uri("https://mbin.example/u/rowan/followers")), page.cc());
        assertEquals(create, roundTrip(create));
    }

    @Test
    void commentOnAThread() {
        Create create = assertInstanceOf(Create.class, activity("mbin/create_note.json"));
        Note note = assertInstanceOf(Note.class, create.object());
        assertEquals(uri("https://mbin.example/m/support/t/4217/-/comment/98110"), note.id());
        assertEquals(uri("https://mbin.example/u/juniper"), note.attributedTo());
        assertEquals(ENTRY, note.inReplyTo());
        assertEquals(MAGAZINE, note.audience());
        assertEquals(List.of(PUBLIC, uri("https://mbin.example/u/rowan")), note.to());
        assertEquals(List.of(MAGAZINE, uri("https://mbin.example/u/juniper/followers")), note.cc());
        assertEquals("Needed this today, thank you.", note.source());
        assertEquals(create, roundTrip(create));
    }
}
