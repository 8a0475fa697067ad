package hearth.node.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.activity.Flag;
import hearth.federation.activity.Follow;
import hearth.node.process.ForumClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A suspended server over real HTTP: refused at the inbox before any fetch, sent nothing, and erased. */
class SuspendIT {

    @Test
    void aSuspendedServerIsRefusedSentNothingAndErased() throws Exception {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            // Before: ana follows the circle and writes in the thread.
            assertEquals(202, bed.send(new Follow(bed.ana.newId("follows"), bed.ana.id(), bed.url("/c/perinatal")), bed.ana));
            assertEquals(202, bed.send(bed.create(bed.ana, bed.reply(bed.ana, "Ana remembers marmalade skies")), bed.ana));
            BlockBed.eventually(BlockBed.SOON, "ana's reply is on the thread",
                    () -> bed.text(bed.threadPath).contains("marmalade skies"));
            BlockBed.eventually(BlockBed.SOON, "search finds ana's reply",
                    () -> bed.search("marmalade").contains("marmalade skies"));
            // The circle passes her reply on to its followers, her server too; that delivery was made
            // before the suspension, so wait for it rather than mistake it for one made after.
            BlockBed.eventually(BlockBed.SOON, "the circle's Announce of her reply reaches her server",
                    () -> !bed.remote.delivered("Announce").isEmpty());
            // Likewise the Accept of her follow: deliveries to one server go out side by side, so it
            // may arrive after the Announce.
            BlockBed.eventually(BlockBed.SOON, "the circle's Accept of her follow reaches her server",
                    () -> !bed.remote.delivered("Accept").isEmpty());

            assertEquals(303, maya.block(bed.remote.authority(), "suspend", false, "harassment"));

            // What was stored from there is gone from pages and search.
            assertFalse(bed.text(bed.threadPath).contains("marmalade skies"));
            BlockBed.eventually(BlockBed.SOON, "search no longer finds ana's reply",
                    () -> !bed.search("marmalade").contains("marmalade skies"));
            assertEquals(0, followers(bed));

            // Its activities are refused before the node fetches anything from it.
            bed.remote.forget();
            assertEquals(403, bed.send(bed.create(bed.ana, bed.reply(bed.ana, "Ana is back")), bed.ana));
            assertTrue(bed.remote.requests().isEmpty(), "no key fetch: " + bed.remote.requests());

            // Nothing is delivered to it: a new thread reaches another follower, never the suspended server.
            RemoteServer other = RemoteServer.start();
            try (other; ForumClient woman = new ForumClient(bed.url("/"), ForumClient.newJar())) {
                RemoteServer.Person relay = other.person("relay");
                assertEquals(202, bed.send(new Follow(relay.newId("follows"), relay.id(), bed.url("/c/perinatal")), relay));
                bed.settle();
                assertTrue(woman.startThread("perinatal", "Night feeds", "Anyone else up at 3am?", "usual").acknowledged());
                BlockBed.eventually(BlockBed.SOON, "the other follower gets the new thread",
                        () -> other.delivered("Create").size() + other.delivered("Announce").size() > 0);
                assertTrue(bed.remote.requests().isEmpty(), "sent to a suspended server: " + bed.remote.requests());
            }
        }
    }

    @Test
    void reportsFromAServerThatRejectsReportsAreRefused() {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            var form = new java.util.LinkedHashMap<String, String>();
            form.put("domain", bed.remote.authority());
            form.put("severity", "noop");
            form.put("reject_reports", "true");
            assertEquals(303, maya.submit("/mod/blocks", form).statusCode());
            Flag flag = new Flag(bed.ana.newId("flags"), bed.ana.id(), List.of(bed.url(bed.threadPath)), "spam",
                    List.of(bed.url("/actor")));
            assertEquals(403, bed.send(flag, bed.ana));
            // Everything else from there still arrives.
            assertEquals(202, bed.send(bed.create(bed.ana, bed.reply(bed.ana, "Ana says hello")), bed.ana));
        }
    }

    @Test
    void aBlockedActorIsRefusedAndHerNeighbourIsNot() {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            RemoteServer.Person bea = bed.remote.person("bea");
            assertEquals(303, maya.submit("/mod/blocks/actors",
                    java.util.Map.of("actor", bed.ana.id().toString(), "severity", "suspend", "comments", "threats"))
                    .statusCode());
            assertEquals(403, bed.send(bed.create(bed.ana, bed.reply(bed.ana, "Ana again")), bed.ana));
            assertEquals(202, bed.send(bed.create(bea, bed.reply(bea, "Bea says hi")), bea));
        }
    }

    private static int followers(BlockBed bed) throws Exception {
        String json = bed.get("/c/perinatal/followers", "application/activity+json").body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("totalItems").asInt(-1);
    }
}
