package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Activity;
import hearth.federation.activity.Announce;
import hearth.federation.activity.Create;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import hearth.federation.object.ActorType;
import hearth.federation.object.Note;
import hearth.federation.object.Page;
import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.store.Database;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Remote circles a test node follows, written straight into its store (as if the Follow had been
 * accepted), and what such a circle sends: its threads and replies, each inside its Announce,
 * to the node's shared inbox. A circle made with {@link #circleWithModerators} publishes a
 * moderators collection (Lemmy's {@code attributedTo}) naming the given actors.
 * Not thread-safe; closes its store handle.
 */
final class RemoteCircles implements AutoCloseable {

    private static final URI PUBLIC = URI.create(Fields.PUBLIC);

    private final TestNode node;
    private final InboxPoster poster;
    final Database db;

    RemoteCircles(TestNode node, InboxPoster poster) {
        this.node = node;
        this.poster = poster;
        this.db = Database.sqlite(DataFolder.open(node.data()).database());
    }

    /**
     * A Group on {@code server} whose document names a moderators collection listing
     * {@code moderators}. Deliveries to it are not kept (the server does not know it as an actor).
     */
    static FakeActor circleWithModerators(FakeServer server, String name, FakeActor... moderators) {
        FakeActor circle = FakeActor.create(server.base(), name, ActorType.GROUP, name);
        URI list = URI.create(circle.id() + "/moderators");
        ObjectNode document = circle.document();
        document.put("attributedTo", list.toString());
        server.serve(circle.id(), document);
        ObjectNode collection = Json.object();
        collection.put("id", list.toString());
        collection.put("type", "OrderedCollection");
        collection.put("totalItems", moderators.length);
        var items = collection.putArray("orderedItems");
        for (FakeActor moderator : moderators) {
            items.add(moderator.id().toString());
        }
        server.serve(list, collection);
        return circle;
    }

    /** Makes the node follow {@code circle}; returns the name it keeps the circle under. */
    String follow(FakeActor circle) {
        String name = circle.name() + "@" + Urls.authorityOf(circle.id());
        long now = System.currentTimeMillis();
        db.write(c -> {
            try (var s = c.prepareStatement("INSERT INTO circle (name, title, description, position, created_at,"
                    + " actor_uri) VALUES (?, ?, '', 1000, ?, ?)")) {
                s.setString(1, name);
                s.setString(2, circle.displayName());
                s.setLong(3, now);
                s.setString(4, circle.id().toString());
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("INSERT INTO followed_circle (circle_name, actor_uri, follow_id, state,"
                    + " requested_at, answered_at) VALUES (?, ?, ?, 'accepted', ?, ?)")) {
                s.setString(1, name);
                s.setString(2, circle.id().toString());
                s.setString(3, node.url("/activities/follow-" + circle.name()).toString());
                s.setLong(4, now);
                s.setLong(5, now);
                s.executeUpdate();
            }
            return null;
        });
        return name;
    }

    /** A thread by {@code author} in {@code circle}; returns its opening Page. */
    Page thread(FakeActor circle, FakeActor author, String title, String text) {
        Page page = new Page(author.newId("pages"), author.id(), circle.id(), null, title, "<p>" + text + "</p>",
                null, Instant.now().truncatedTo(ChronoUnit.SECONDS), null, false, null, List.of(PUBLIC),
                List.of(circle.id()));
        relay(circle, new Create(author.newId("activities"), author.id(), page, page.to(), page.cc()));
        return page;
    }

    /** A reply by {@code author} to {@code page}, relayed by {@code circle}. */
    Note reply(FakeActor circle, FakeActor author, Page page, String text) {
        Note note = new Note(author.newId("notes"), author.id(), circle.id(), null, page.id(), "<p>" + text + "</p>",
                null, Instant.now().truncatedTo(ChronoUnit.SECONDS), null, false, null, List.of(PUBLIC),
                List.of(circle.id()));
        relay(circle, new Create(author.newId("activities"), author.id(), note, note.to(), note.cc()));
        return note;
    }

    /** The circle's Announce of {@code inner}, sent to the node's shared inbox; asserts it was taken in. */
    void relay(FakeActor circle, Activity inner) {
        InboxPoster.Answer answer = sendRelayed(circle, inner);
        assertEquals(202, answer.status(), answer.reason());
    }

    InboxPoster.Answer sendRelayed(FakeActor circle, Activity inner) {
        Announce announce = Announce.of(circle.newId("activities"), circle.id(), inner, inner.toJson(),
                URI.create(circle.id() + "/followers"));
        return direct(circle, announce);
    }

    /** {@code activity} sent to the node's shared inbox, signed by {@code signer}. */
    InboxPoster.Answer direct(FakeActor signer, Activity activity) {
        return poster.send(InboxPoster.cavage(node.url("/inbox"), Wire.bytes(activity), signer));
    }

    /** The local path of the thread with this title in a circle kept here, or null while it is not there. */
    String threadPath(String circle, String title) {
        String path = "/c/" + URLEncoder.encode(circle, StandardCharsets.UTF_8).replace("%40", "@").replace("%3A", ":");
        for (Element link : NodeState.page(node, path).select("a[href*=/t/]")) {
            if (link.text().contains(title)) {
                return link.attr("href");
            }
        }
        return null;
    }

    /** What a reader sees of a thread: its heading, notes and posts. */
    String seen(String threadPath) {
        return NodeState.page(node, threadPath).select("main").text();
    }

    @Override
    public void close() {
        db.close();
    }
}
