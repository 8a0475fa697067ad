package hearth.federation.activity;

import static hearth.federation.Fixtures.activity;
import static hearth.federation.Fixtures.read;
import static hearth.federation.Fixtures.roundTrip;
import static hearth.federation.Fixtures.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.json.Fields;
import hearth.federation.object.Note;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mastodon 4 as it federates (fixtures under {@code fixtures/mastodon}; sources in their README). */
class MastodonFixturesTest {

    private static final URI ALICE = uri("https://mastodon.example/users/alice");
    private static final URI ALICE_FOLLOWERS = uri("https://mastodon.example/users/alice/followers");
    private static final URI BEA = uri("https://other.example/users/bea");
    private static final URI PUBLIC = uri(Fields.PUBLIC);
    private static final URI COMMUNITY = uri("https://enterprise.lemmy.ml/c/main");

    @Test
    void createOfAReplyWithAContentWarning() {
        Create create = assertInstanceOf(Create.class, activity("mastodon/create_note.json"));
        assertEquals(uri("https://mastodon.example/users/alice/statuses/113825112336178219/activity"), create.id());
        assertEquals(ALICE, create.actor());
        assertEquals(List.of(PUBLIC), create.to());
        assertEquals(List.of(ALICE_FOLLOWERS, BEA), create.cc());
        Note note = assertInstanceOf(Note.class, create.object());
        assertEquals(uri("https://mastodon.example/users/alice/statuses/113825112336178219"), note.id());
        assertEquals(ALICE, note.attributedTo());
        assertEquals(uri("https://other.example/users/bea/statuses/113824998017734412"), note.inReplyTo());
        assertNull(note.audience());
        assertNull(note.context());
        assertTrue(note.sensitive());
        assertEquals("birth trauma", note.summary());
        assertTrue(note.contentHtml().contains("You are not alone."));
        assertNull(note.source());
        assertEquals(Instant.parse("2025-01-14T08:31:07Z"), note.published());
        assertEquals(List.of(PUBLIC), note.to());
        assertEquals(create, roundTrip(create));
    }

    @Test
    void shortFormsOfThePublicCollectionAreExpanded() {
        Create create = assertInstanceOf(Create.class, activity("mastodon/create_note_short_public.json"));
        assertEquals(List.of(PUBLIC), create.to());
        assertEquals(List.of(ALICE_FOLLOWERS, PUBLIC), create.cc());
        Note note = assertInstanceOf(Note.class, create.object());
        assertEquals(List.of(PUBLIC), note.to());
        assertNull(note.summary());
        assertNull(note.inReplyTo());
        assertFalse(note.sensitive());
        assertEquals("<p>Slept four hours in a row. Small wins.</p>", note.contentHtml());
        assertEquals(create, roundTrip(create));
    }

    @Test
    void profileUpdateIsIgnored() {
        assertEquals(Optional.empty(), read("mastodon/update_person.json"));
    }

    @Test
    void deleteOfATombstone() {
        Delete delete = assertInstanceOf(Delete.class, activity("mastodon/delete_tombstone.json"));
        assertEquals(ALICE, delete.actor());
        assertEquals(uri("https://mastodon.example/users/alice/statuses/113825112336178219"), delete.object());
        assertNull(delete.summary());
        assertEquals(List.of(PUBLIC), delete.to());
        assertEquals(delete, roundTrip(delete));
    }

    @Test
    void followOfACommunity() {
        Follow follow = assertInstanceOf(Follow.class, activity("mastodon/follow.json"));
        assertEquals(new Follow(uri("https://mastodon.example/4dec64ce-c9a2-4f75-b4e9-9bc48726f86d"), ALICE, COMMUNITY),
                follow);
        assertEquals(follow, roundTrip(follow));
    }

    @Test
    void undoOfAFollow() {
        Undo undo = assertInstanceOf(Undo.class, activity("mastodon/undo_follow.json"));
        assertEquals(uri("https://mastodon.example/users/alice#follows/449/undo"), undo.id());
        assertEquals(activity("mastodon/follow.json"), undo.object());
        assertEquals(undo.object().id(), undo.objectId());
        assertEquals(undo, roundTrip(undo));
    }

    @Test
    void reportOfAnAccountAndTwoPosts() {
        Flag flag = assertInstanceOf(Flag.class, activity("mastodon/flag.json"));
        assertEquals(uri("https://mastodon.example/actor"), flag.actor());
        assertEquals(List.of(uri("https://enterprise.lemmy.ml/u/coach_sunny"),
                uri("https://enterprise.lemmy.ml/comment/38790"), uri("https://enterprise.lemmy.ml/comment/38811")),
                flag.objects());
        assertEquals("Sends private messages pushing a paid course to people in crisis", flag.content());
        assertEquals(List.of(uri("https://enterprise.lemmy.ml/u/coach_sunny")), flag.to());
        assertEquals(flag, roundTrip(flag));
    }

    @Test
    void boostNamesThePostById() {
        Announce announce = assertInstanceOf(Announce.class, activity("mastodon/announce_boost.json"));
        assertEquals(ALICE, announce.actor());
        assertEquals(uri("https://other.example/users/bea/statuses/113824998017734412"), announce.objectId());
        assertNull(announce.activity());
        assertNull(announce.embeddedJson());
        assertEquals(List.of(PUBLIC), announce.to());
        assertEquals(List.of(BEA, ALICE_FOLLOWERS), announce.cc());
        assertEquals(announce, roundTrip(announce));
    }

    @Test
    void undoOfABoost() {
        Undo undo = assertInstanceOf(Undo.class, activity("mastodon/undo_announce.json"));
        assertEquals(activity("mastodon/announce_boost.json"), undo.object());
        assertEquals(uri("https://mastodon.example/users/alice/statuses/113825177401944810/activity"), undo.objectId());
        assertEquals(undo, roundTrip(undo));
    }
}
