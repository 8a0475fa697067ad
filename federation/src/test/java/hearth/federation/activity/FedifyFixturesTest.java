package hearth.federation.activity;

import static hearth.federation.Fixtures.activity;
import static hearth.federation.Fixtures.json;
import static hearth.federation.Fixtures.roundTrip;
import static hearth.federation.Fixtures.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import hearth.federation.json.Fields;
import hearth.federation.object.Note;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fedify 1.10 as it federates (fixtures under {@code fixtures/fedify}; sources in their README). */
class FedifyFixturesTest {

    private static final URI ALICE = uri("https://fedify.example/users/alice");
    private static final URI PUBLIC = uri(Fields.PUBLIC);

    @Test
    void followWithSixContextsAProofAndASignature() {
        assertEquals(6, json("fedify/follow.json").get("@context").size());
        Follow follow = assertInstanceOf(Follow.class, activity("fedify/follow.json"));
        assertEquals(new Follow(uri("https://fedify.example/#Follow/db992aed-3b99-427e-b012-d60d309519dc"), ALICE,
                uri("https://enterprise.lemmy.ml/c/main")), follow);
        assertEquals(follow, roundTrip(follow));
    }

    @Test
    void createWithPlainStringAudienceAndTypedSource() {
        Create create = assertInstanceOf(Create.class, activity("fedify/create_note.json"));
        assertEquals(ALICE, create.actor());
        assertEquals(List.of(PUBLIC), create.to());
        assertEquals(List.of(uri("https://fedify.example/users/alice/followers")), create.cc());
        Note note = assertInstanceOf(Note.class, create.object());
        assertEquals(uri("https://fedify.example/users/alice/posts/019aab0c-4d3e-7f21-9c55-8e2d9a114f77"), note.id());
        assertEquals(ALICE, note.attributedTo());
        assertNull(note.inReplyTo());
        assertEquals(List.of(PUBLIC), note.to());
        assertEquals(List.of(uri("https://fedify.example/users/alice/followers")), note.cc());
        assertEquals("Three months sober from doom-scrolling at 3 a.m.", note.source());
        assertEquals("<p>Three months sober from doom-scrolling at 3&nbsp;a.m.</p>\n", note.contentHtml());
        // Fedify writes nanoseconds; Hearth keeps times to the second.
        assertEquals(Instant.parse("2026-11-22T10:00:13Z"), note.published());
        assertEquals(create, roundTrip(create));
    }
}
