package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Activity;
import hearth.federation.activity.Create;
import hearth.federation.activity.Delete;
import hearth.federation.activity.Follow;
import hearth.federation.activity.Undo;
import hearth.federation.activity.Update;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import hearth.federation.object.Note;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The activities a remote server sends a Hearth node, written with the federation library's
 * vocabulary so they have the shape Hearth itself sends. Ids are passed in, so a test can put
 * any of them on the wrong server. Stateless.
 */
final class Wire {

    /** A thread in one of the node's circles, by the ids other servers know it by. */
    record LocalThread(URI circle, URI thread, URI context) {
    }

    private static final URI PUBLIC = URI.create(Fields.PUBLIC);

    private Wire() {
    }

    /** A reply in {@code thread} with the given id and author, as HTML. */
    static Note reply(URI id, URI author, LocalThread thread, String text) {
        return new Note(id, author, thread.circle(), thread.context(), thread.thread(), "<p>" + text + "</p>", null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), null, false, null, List.of(PUBLIC),
                List.of(thread.circle()));
    }

    static Create create(URI id, URI actor, Note note) {
        return new Create(id, actor, note, note.to(), note.cc());
    }

    static Update update(URI id, URI actor, Note note) {
        return new Update(id, actor, note, note.to(), note.cc());
    }

    static Delete delete(URI id, URI actor, URI object, URI circle) {
        return new Delete(id, actor, object, null, circle, List.of(PUBLIC), List.of(circle));
    }

    static Follow follow(URI id, URI actor, URI circle) {
        return new Follow(id, actor, circle);
    }

    /** Takes back an activity embedded whole, as Mastodon sends an unfollow. */
    static Undo undo(URI id, URI actor, Activity object) {
        return Undo.of(id, actor, object);
    }

    /** Takes back an activity named only by its id. */
    static Undo undo(URI id, URI actor, URI objectId) {
        return new Undo(id, actor, objectId, null);
    }

    static byte[] bytes(Activity activity) {
        return Json.bytes(activity.toJson());
    }

    static byte[] bytes(ObjectNode json) {
        return Json.bytes(json);
    }

    /** A JSON object with an array nested {@code depth} levels deep in it, to tire a parser. */
    static String nested(Activity activity, int depth) {
        String json = Json.string(activity.toJson());
        String deep = "[".repeat(depth) + "]".repeat(depth);
        return json.substring(0, json.length() - 1) + ",\"tag\":" + deep + "}";
    }
}
