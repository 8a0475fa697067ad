package hearth.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Activities;
import hearth.federation.activity.Activity;
import hearth.federation.json.Json;
import hearth.federation.object.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fediverse JSON under {@code src/test/resources/hearth/federation/fixtures/} (see the README
 * there for where each shape comes from), and the round trips the tests put it through.
 */
public final class Fixtures {

    private static final String ROOT = "/hearth/federation/fixtures/";

    private Fixtures() {
    }

    /** The bytes of a fixture, e.g. {@code "lemmy/follow.json"}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(String name) {
        return Json.parseObject(bytes(name));
    }

    /** Reads a fixture the way the inbox does: parse with limits, then the vocabulary. */
    public static Optional<Activity> read(String name) {
        return Activities.fromJson(json(name));
    }

    /** A fixture that must read as an activity Hearth handles. */
    public static Activity activity(String name) {
        return read(name).orElseThrow(() -> new AssertionError(name + " read as ignored"));
    }

    public static Actor actor(String name) {
        return Actor.fromJson(json(name));
    }

    /** Writes the activity, sends the bytes through the parser again, and reads it back. */
    public static Activity roundTrip(Activity activity) {
        return Activities.fromJson(Json.parseObject(Json.bytes(activity.toJson())))
                .orElseThrow(() -> new AssertionError("Hearth's own " + activity + " read back as ignored"));
    }

    public static Actor roundTrip(Actor actor) {
        return Actor.fromJson(Json.parseObject(Json.bytes(actor.toJson())));
    }

    /** Every fixture's name relative to the fixtures folder, e.g. {@code "mastodon/flag.json"}, sorted. */
    public static List<String> all() {
        try {
            Path root = Path.of(Fixtures.class.getResource(ROOT).toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> p.toString().endsWith(".json"))
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static URI uri(String text) {
        return URI.create(text);
    }
}
