package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.forum.Draft;
import hearth.node.forum.ForumService;
import hearth.node.forum.ForumThread;
import hearth.node.forum.PostRef;
import hearth.node.forum.PseudonymChoice;
import hearth.node.reactions.ReactionKind;
import hearth.node.reactions.Reactions;
import hearth.node.reactions.Reactors;
import hearth.ui.text.PostFormatter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** migrate-to-postgres: a SQLite store copied into PostgreSQL, checked by counts and checksums. */
class PostgresCopyTest {

    private static final String HER = "a".repeat(64);
    private static final String SOMEONE = "b".repeat(64);

    private Path file;
    private PostRef thread;

    @BeforeEach
    void seed() {
        file = TestNode.freshDataFolder().resolve("hearth.db");
        try (Database db = Database.sqlite(file)) {
            ForumService forum = forum(db);
            forum.applyCircles(List.of(new CircleSeed("perinatal", "Pregnancy and after birth", "Before and after."),
                    new CircleSeed("everyday", "Everyday", "")));
            thread = forum.startThread(HER, "perinatal", new Draft("Can't sleep", "Since the *baby* came",
                    PseudonymChoice.USUAL, "loss", 0));
            PostRef reply = forum.reply(SOMEONE, "perinatal", thread.threadId(),
                    new Draft("", "Same here — ñ, 💜", PseudonymChoice.USUAL));
            PostRef gone = forum.reply(HER, "perinatal", thread.threadId(), new Draft("", "oops", PseudonymChoice.USUAL));
            forum.delete(HER, "perinatal", thread.threadId(), gone.postId());
            new Reactions(db, new Reactors(new byte[32]), Clock.systemUTC())
                    .toggle(SOMEONE, "perinatal", thread.threadId(), thread.postId(), ReactionKind.SUPPORT);
            Volume.fill(db, "everyday", 300);
            assertEquals(reply.threadId(), thread.threadId());
        }
    }

    @Test
    void everyTableIsCopiedAndVerified() {
        PostgresCopy.Report report = PostgresCopy.run(file, PgServer.shared().emptyDatabase(), line -> { });
        assertTrue(report.verified(), report.toString());
        Map<String, Long> rows = report.tables().stream()
                .collect(Collectors.toMap(PostgresCopy.TableResult::table, PostgresCopy.TableResult::targetRows));
        assertEquals(303, rows.get("post"));
        assertEquals(31, rows.get("thread"));
        assertEquals(2, rows.get("circle"));
        assertEquals(1, rows.get("reaction"));
        assertEquals(1, rows.get("change_counter"));
    }

    @Test
    void theCopyServesTheSameForumAndCarriesOn() {
        StorageUrl target = PgServer.shared().emptyDatabase();
        PostgresCopy.run(file, target, line -> { });
        ForumThread before;
        long lastChange;
        try (Database db = Database.sqlite(file)) {
            before = forum(db).thread("perinatal", thread.threadId());
            lastChange = forum(db).lastChange();
        }
        try (Database db = Database.postgres(target)) {
            ForumService forum = forum(db);
            assertEquals(before, forum.thread("perinatal", thread.threadId()));
            assertEquals(lastChange, forum.lastChange());
            forum.reply(HER, "perinatal", thread.threadId(), new Draft("", "Still here", PseudonymChoice.USUAL));
            assertEquals(lastChange + 1, forum.lastChange(), "the change sequence continues where SQLite left it");
            assertEquals(forum.usualPseudonym(HER).orElseThrow(),
                    forum.thread("perinatal", thread.threadId()).posts().get(0).pseudonym(), "her usual pseudonym came along");
        }
    }

    @Test
    void aTargetThatHoldsDataIsRefusedAndLeftAlone() {
        StorageUrl target = PgServer.shared().freshDatabase();
        try (Database db = Database.postgres(target)) {
            ForumService forum = forum(db);
            forum.applyCircles(List.of(new CircleSeed("perinatal", "Perinatal", "")));
        }
        assertThrows(PostgresCopy.TargetNotEmpty.class, () -> PostgresCopy.run(file, target, line -> { }));
        try (Database db = Database.postgres(target)) {
            assertEquals(1, count(db, "circle"));
            assertEquals(0, count(db, "post"));
        }
    }

    @Test
    void aRowChangedAfterTheCopyIsCaught() {
        StorageUrl target = PgServer.shared().emptyDatabase();
        PostgresCopy.run(file, target, line -> { });
        try (Database db = Database.postgres(target)) {
            db.write(c -> {
                try (var s = c.prepareStatement("UPDATE post SET html = ? WHERE id = ?")) {
                    s.setString(1, "<p>changed</p>");
                    s.setString(2, thread.postId());
                    return s.executeUpdate();
                }
            });
        }
        PostgresCopy.Report report = PostgresCopy.compare(file, target);
        assertFalse(report.verified());
        assertEquals(List.of("post"), report.tables().stream().filter(t -> !t.matches())
                .map(PostgresCopy.TableResult::table).toList(), "the same count, a different checksum");
    }

    @Test
    void aMissingRowIsCaught() {
        StorageUrl target = PgServer.shared().emptyDatabase();
        PostgresCopy.run(file, target, line -> { });
        try (Database db = Database.postgres(target)) {
            db.write(c -> {
                try (var s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM reaction");
                }
            });
        }
        PostgresCopy.TableResult reactions = PostgresCopy.compare(file, target).tables().stream()
                .filter(t -> t.table().equals("reaction")).findFirst().orElseThrow();
        assertEquals(1, reactions.sourceRows());
        assertEquals(0, reactions.targetRows());
        assertFalse(reactions.matches());
    }

    @Test
    void aMissingSourceIsRefused() {
        Path nowhere = TestNode.freshDataFolder().resolve("hearth.db");
        assertThrows(IllegalArgumentException.class,
                () -> PostgresCopy.run(nowhere, PgServer.shared().emptyDatabase(), line -> { }));
    }

    @Test
    void onlyTheSeededTablesHoldRowsInANewSchema() {
        // The copy replaces exactly these tables' rows; a migration that seeds another table must be listed there.
        try (Database db = Database.postgres(PgServer.shared().freshDatabase())) {
            List<String> tables = db.read(c -> {
                List<String> names = new java.util.ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT tablename FROM pg_tables"
                        + " WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'")) {
                    while (r.next()) {
                        names.add(r.getString(1));
                    }
                }
                return names;
            });
            for (String table : tables) {
                assertEquals(PostgresCopy.SEEDED.contains(table) ? 1 : 0, count(db, table), table);
            }
        }
    }

    private static long count(Database db, String table) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static ForumService forum(Database db) {
        return new ForumService(db, new PostFormatter(), new PseudonymNames(), Clock.systemUTC());
    }
}
