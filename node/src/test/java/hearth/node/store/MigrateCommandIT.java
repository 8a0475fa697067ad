package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import hearth.node.author.PseudonymNames;
import hearth.node.config.DataFolder;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.forum.ForumService;
import hearth.ui.text.PostFormatter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./hearth migrate-to-postgres}, run as its own process as an operator would: the copy is
 * verified, and the data folder's node secret goes with it, so a process started later from any
 * other folder derives the same author ids and she keeps her link to her earlier posts.
 */
class MigrateCommandIT {

    @Test
    void theMigratedDatabaseCarriesTheFoldersSecretForEveryLaterProcess() throws Exception {
        Path data = TestNode.freshDataFolder();
        DataFolder folder = DataFolder.open(data);
        try (Database db = Database.sqlite(folder.database())) {
            new ForumService(db, new PostFormatter(), new PseudonymNames(), Clock.systemUTC())
                    .applyCircles(List.of(new CircleSeed("everyday", "Everyday", "")));
            Volume.fill(db, "everyday", 20);
        }
        PgServer server = PgServer.shared();
        StorageUrl url = server.emptyDatabase();

        String output = migrate(data, server.configUrl(url));

        assertTrue(output.contains("Verified"), output);
        try (Database db = Database.postgres(url)) {
            byte[] fromAnotherFolder = new byte[32];
            assertArrayEquals(folder.secret(), SharedSecret.resolve(db, fromAnotherFolder),
                    "a process from another folder must use the migrated node's secret");
        }
    }

    private static String migrate(Path data, String to) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "hearth.node.Main",
                "migrate-to-postgres", "--from", data.toString(), "--to", to));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("migrate-to-postgres did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
