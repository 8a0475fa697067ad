package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.object.Note;
import hearth.node.config.DataFolder;
import hearth.node.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A circle's posting policy holds posts from other servers' authors as it holds local ones. */
class InboxPolicyIT {

    private static InboxBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
        setPolicy("hold-first");
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void aNewRemoteAuthorsFirstReplyWaitsForAModerator() {
        Note note = bed.reply(bed.bea, "Bea's first words here, held-marker-5c1e.");
        assertEquals(202, bed.post(Wire.create(bed.bea.newId("activities"), bed.bea.id(), note), bed.bea).status());
        bed.settle();
        assertFalse(NodeState.threadText(bed.node, bed.threadPath).contains("held-marker-5c1e"),
                "readers do not see it yet");
        assertTrue(heldPostExists("held-marker-5c1e"), "it waits, held, for a moderator");
    }

    @Test
    void aRemoteAuthorAlreadyLetThroughPostsAtOnce() {
        Note note = bed.reply(bed.ana, "Ana again, known-marker-8d2f.");
        assertEquals(202, bed.post(Wire.create(bed.ana.newId("activities"), bed.ana.id(), note), bed.ana).status());
        bed.awaitOnThread("known-marker-8d2f");
    }

    private static void setPolicy(String policy) {
        try (Database db = Database.sqlite(DataFolder.open(bed.node.data()).database())) {
            db.write(c -> {
                try (var s = c.prepareStatement("UPDATE circle SET posting_policy = ? WHERE name = ?")) {
                    s.setString(1, policy);
                    s.setString(2, "perinatal");
                    s.executeUpdate();
                }
                return null;
            });
        }
    }

    private static boolean heldPostExists(String marker) {
        try (Database db = Database.sqlite(DataFolder.open(bed.node.data()).database())) {
            return db.read(c -> {
                try (var s = c.prepareStatement("SELECT held FROM post WHERE source LIKE ? OR html LIKE ?")) {
                    s.setString(1, "%" + marker + "%");
                    s.setString(2, "%" + marker + "%");
                    try (var r = s.executeQuery()) {
                        return r.next() && r.getBoolean(1);
                    }
                }
            });
        }
    }
}
