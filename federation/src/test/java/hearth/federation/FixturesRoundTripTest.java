package hearth.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.activity.Activity;
import hearth.federation.inbox.OriginRules;
import hearth.federation.object.Actor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture, whatever its sender: actor documents and activities read back equal after
 * Hearth writes them, kinds Hearth ignores read as empty, and every activity passes the origin
 * rules (they are all legitimate). The per-sender tests check the fields.
 */
class FixturesRoundTripTest {

    private static final Set<String> ACTORS = Set.of("lemmy/group.json", "lemmy/person.json", "mastodon/person.json",
            "fedify/person.json", "fedify/person_two_keys.json");

    private static final Set<String> IGNORED = Set.of("lemmy/dislike_page.json", "lemmy/announce_dislike_page.json",
            "mastodon/update_person.json");

    static List<String> activities() {
        return Fixtures.all().stream().filter(name -> !ACTORS.contains(name) && !IGNORED.contains(name)).toList();
    }

    @Test
    void everySenderHasFixtures() {
        List<String> all = Fixtures.all();
        for (String sender : List.of("lemmy/", "mastodon/", "mbin/", "fedify/")) {
            assertTrue(all.stream().anyMatch(name -> name.startsWith(sender)), sender);
        }
        assertTrue(all.containsAll(ACTORS) && all.containsAll(IGNORED), "a listed fixture is missing");
    }

    @ParameterizedTest
    @MethodSource("activities")
    void activityReadsBackEqual(String name) {
        Activity activity = Fixtures.activity(name);
        assertEquals(activity, Fixtures.roundTrip(activity));
    }

    @ParameterizedTest
    @MethodSource("activities")
    void activityPassesTheOriginRules(String name) {
        OriginRules.check(Fixtures.activity(name));
    }

    static List<String> ignored() {
        return List.copyOf(IGNORED);
    }

    @ParameterizedTest
    @MethodSource("ignored")
    void ignoredKindReadsAsEmpty(String name) {
        assertEquals(Optional.empty(), Fixtures.read(name));
    }

    static List<String> actors() {
        return List.copyOf(ACTORS);
    }

    @ParameterizedTest
    @MethodSource("actors")
    void actorReadsBackEqual(String name) {
        Actor actor = Fixtures.actor(name);
        assertEquals(actor, Fixtures.roundTrip(actor));
    }
}
