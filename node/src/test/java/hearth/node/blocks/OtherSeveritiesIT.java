package hearth.node.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Silence, filter and the allow-list over real HTTP. */
class OtherSeveritiesIT {

    @Test
    void silenceHidesARemoteThreadFromListingsAndSearchButItsPageStaysReadable() {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            assertEquals(202, bed.send(bed.create(bed.ana, bed.thread(bed.ana, "Tangerine trees",
                    "Selling tangerine tree remedies")), bed.ana));
            BlockBed.eventually(BlockBed.SOON, "the thread is listed", () -> bed.text("/c/perinatal").contains("Tangerine trees"));
            BlockBed.eventually(BlockBed.SOON, "search finds it", () -> bed.search("tangerine").contains("Tangerine"));
            String threadPath = bed.threadLink("Tangerine trees");

            assertEquals(303, maya.block(bed.remote.authority(), "silence", false, "selling"));

            assertFalse(bed.text("/c/perinatal").contains("Tangerine trees"));
            assertFalse(bed.search("tangerine").contains("Tangerine"));
            assertTrue(bed.text(threadPath).contains("Selling tangerine tree remedies"));
            // Still reachable: what ana sends next still arrives, silenced too.
            assertEquals(202, bed.send(bed.create(bed.ana, bed.thread(bed.ana, "Cellophane flowers", "More")), bed.ana));
            bed.settle();
            assertFalse(bed.text("/c/perinatal").contains("Cellophane flowers"));
        }
    }

    @Test
    void filterHoldsAnIncomingRemotePostForAModerator() {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            assertEquals(303, maya.block(bed.remote.authority(), "filter", false, "new server, watching"));
            assertEquals(202, bed.send(bed.create(bed.ana, bed.reply(bed.ana, "Looking glass ties")), bed.ana));
            bed.settle();
            assertFalse(bed.text(bed.threadPath).contains("Looking glass ties"));
            assertFalse(bed.search("looking glass").contains("Looking glass ties"));
            assertTrue(maya.page("/mod").text().contains("Looking glass ties"), "the post waits in the queue");
        }
    }

    @Test
    void allowlistModeRefusesAnUnlistedServer() {
        try (RemoteServer partner = RemoteServer.start()) {
            RemoteServer.Person paz = partner.person("paz");
            try (BlockBed bed = new BlockBed("  mode: allowlist\n  allow: [\"" + partner.authority() + "\"]")) {
                bed.remote.forget();
                assertEquals(403, bed.send(bed.create(bed.ana, bed.reply(bed.ana, "Newspaper taxis")), bed.ana));
                assertTrue(bed.remote.requests().isEmpty(), "contacted an unlisted server: " + bed.remote.requests());
                assertEquals(202, bed.send(bed.create(paz, bed.reply(paz, "Rocking horse people")), paz));
                BlockBed.eventually(BlockBed.SOON, "the partner's reply is on the thread",
                        () -> bed.text(bed.threadPath).contains("Rocking horse people"));
            }
        }
    }
}
