package hearth.federation.activity;

import static hearth.federation.Fixtures.activity;
import static hearth.federation.Fixtures.read;
import static hearth.federation.Fixtures.roundTrip;
import static hearth.federation.Fixtures.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import hearth.federation.json.Fields;
import hearth.federation.object.Note;
import hearth.federation.object.Page;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lemmy 0.19 as it federates (fixtures under {@code fixtures/lemmy}; sources in their README). */
class LemmyFixturesTest {

    private static final URI COMMUNITY = uri("https://enterprise.lemmy.ml/c/main");
    private static final URI FOLLOWERS = uri("https://enterprise.lemmy.ml/c/main/followers");
    private static final URI ALPHA = uri("https://ds9.lemmy.ml/u/lemmy_alpha");
    private static final URI MOD = uri("https://enterprise.lemmy.ml/u/lemmy_beta");
    private static final URI PUBLIC = uri(Fields.PUBLIC);
    private static final URI POST = uri("https://ds9.lemmy.ml/post/1");
    private static final URI LOCK = uri("https://enterprise.lemmy.ml/activities/lock/cb48761d-9e8c-42ce-aacb-b4bbe6408db2");

    @Test
    void followOfACommunity() {
        Follow follow = assertInstanceOf(Follow.class, activity("lemmy/follow.json"));
        assertEquals(new Follow(uri("https://ds9.lemmy.ml/activities/follow/6abcd50b-b8ca-4952-86b0-a6dd8cc12866"),
                ALPHA, COMMUNITY), follow);
        assertEquals(follow, roundTrip(follow));
    }

    @Test
    void acceptEmbedsTheFollow() {
        Accept accept = assertInstanceOf(Accept.class, activity("lemmy/accept.json"));
        assertEquals(uri("https://enterprise.lemmy.ml/activities/accept/75f080cc-3d45-4654-8186-8f3bb853fa27"), accept.id());
        assertEquals(COMMUNITY, accept.actor());
        assertEquals(accept.follow().id(), accept.followId());
        assertEquals(activity("lemmy/follow.json"), accept.follow());
        assertEquals(accept, roundTrip(accept));
    }

    @Test
    void announceOfACreatedThread() {
        Announce announce = assertInstanceOf(Announce.class, activity("lemmy/announce_create_page.json"));
        assertEquals(COMMUNITY, announce.actor());
        assertEquals(List.of(PUBLIC), announce.to());
        assertEquals(List.of(FOLLOWERS), announce.cc());
        Create create = assertInstanceOf(Create.class, announce.activity());
        assertEquals(uri("https://ds9.lemmy.ml/activities/create/eee6a57a-622f-464d-b560-73ae1fcd3ddf"), announce.objectId());
        assertEquals(create.id(), announce.objectId());
        assertEquals(ALPHA, create.actor());
        assertEquals(List.of(COMMUNITY), create.cc());
        Page page = assertInstanceOf(Page.class, create.object());
        assertEquals(POST, page.id());
        assertEquals(ALPHA, page.attributedTo());
        assertEquals(COMMUNITY, page.audience());
        assertNull(page.context());
        assertEquals("First week back at work", page.name());
        assertEquals("<p>How did you all manage the <strong>first week</strong>?</p>\n", page.contentHtml());
        assertEquals("How did you all manage the **first week**?", page.source());
        assertFalse(page.sensitive());
        assertNull(page.summary());
        assertEquals(Instant.parse("2024-03-02T09:15:42Z"), page.published());
        assertEquals(Instant.parse("2024-03-02T09:20:03Z"), page.updated());
        assertEquals(List.of(COMMUNITY, PUBLIC), page.to());
        assertEquals(List.of(), page.cc());
        assertEquals(announce, roundTrip(announce));
    }

    @Test
    void announceOfACreatedReply() {
        Announce announce = assertInstanceOf(Announce.class, activity("lemmy/announce_create_note.json"));
        Create create = assertInstanceOf(Create.class, announce.activity());
        assertEquals(uri("https://enterprise.lemmy.ml/u/picard"), create.actor());
        Note note = assertInstanceOf(Note.class, create.object());
        assertEquals(uri("https://enterprise.lemmy.ml/comment/38741"), note.id());
        assertEquals(POST, note.inReplyTo());
        assertEquals(COMMUNITY, note.audience());
        assertEquals(List.of(PUBLIC), note.to());
        assertEquals(List.of(COMMUNITY, ALPHA), note.cc());
        assertEquals("[@lemmy_alpha@ds9.lemmy.ml](https://ds9.lemmy.ml/u/lemmy_alpha) slowly, one day at a time.",
                note.source());
        assertEquals(announce, roundTrip(announce));
    }

    @Test
    void moderatorRemovalCarriesTheReason() {
        Delete delete = assertInstanceOf(Delete.class, activity("lemmy/remove_note.json"));
        assertEquals(MOD, delete.actor());
        assertEquals(uri("https://ds9.lemmy.ml/comment/1"), delete.object());
        assertEquals("Rule 2: no unsolicited advice", delete.summary());
        assertEquals(COMMUNITY, delete.audience());
        assertEquals(List.of(PUBLIC), delete.to());
        assertEquals(List.of(COMMUNITY), delete.cc());
        assertEquals(delete, roundTrip(delete));
    }

    @Test
    void lockOfAThread() {
        Lock lock = assertInstanceOf(Lock.class, activity("lemmy/lock_page.json"));
        assertEquals(new Lock(LOCK, MOD, POST, COMMUNITY), lock);
        assertEquals(lock, roundTrip(lock));
    }

    @Test
    void undoOfALock() {
        Undo undo = assertInstanceOf(Undo.class, activity("lemmy/undo_lock_page.json"));
        assertEquals(MOD, undo.actor());
        assertEquals(LOCK, undo.objectId());
        assertEquals(activity("lemmy/lock_page.json"), undo.object());
        assertEquals(undo, roundTrip(undo));
    }

    @Test
    void announceOfAnUndoneLock() {
        // Lemmy 0.19 relays Undo(Lock) through the community, like every moderation action.
        Announce announce = assertInstanceOf(Announce.class, activity("lemmy/announce_undo_lock_page.json"));
        Undo undo = assertInstanceOf(Undo.class, announce.activity());
        assertEquals(activity("lemmy/undo_lock_page.json"), undo);
        assertEquals(announce, roundTrip(announce));
    }

    @Test
    void reportTakesItsReasonFromSummary() {
        Flag flag = assertInstanceOf(Flag.class, activity("lemmy/report_page.json"));
        assertEquals(ALPHA, flag.actor());
        assertEquals(List.of(uri("https://enterprise.lemmy.ml/post/7")), flag.objects());
        assertEquals("Someone may be at risk", flag.content());
        assertEquals(List.of(COMMUNITY), flag.to());
        assertEquals(flag, roundTrip(flag));
    }

    @Test
    void likeOfAReply() {
        Like like = assertInstanceOf(Like.class, activity("lemmy/like_note.json"));
        assertEquals(new Like(uri("https://ds9.lemmy.ml/activities/like/fd61d070-7382-46a9-b2b7-6bb253732877"),
                ALPHA, uri("https://enterprise.lemmy.ml/comment/38741")), like);
        assertEquals(like, roundTrip(like));
    }

    @Test
    void dislikeIsIgnored() {
        assertEquals(Optional.empty(), read("lemmy/dislike_page.json"));
    }

    @Test
    void relayedDislikeIsIgnored() {
        assertEquals(Optional.empty(), read("lemmy/announce_dislike_page.json"));
    }
}
