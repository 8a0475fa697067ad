package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operator's commands reach a node's PostgreSQL database through {@code HEARTH_STORAGE_URL},
 * run as their own process as an operator would, and leave no SQLite file behind.
 */
class AdminOnPostgresIT {

    @Test
    void addModeratorWritesToThePostgresStoreNamedInTheEnvironment() throws Exception {
        PgServer server = PgServer.shared();
        StorageUrl url = server.freshDatabase();
        Path data = TestNode.freshDataFolder();
        String output = admin(server.configUrl(url), data, "correct horse battery staple\n",
                "add-moderator", "ana", "--admin");
        assertTrue(output.contains("Moderator ana"), output);
        try (Database db = Database.postgres(url)) {
            long admins = db.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT COUNT(*) FROM moderator WHERE name = 'ana' AND admin = TRUE")) {
                    r.next();
                    return r.getLong(1);
                }
            });
            assertEquals(1, admins);
        }
        assertFalse(Files.exists(data.resolve("hearth.db")), "no SQLite store was made on the side");
    }

    private static String admin(String storageUrl, Path data, String input, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "hearth.node.Main", "admin"));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(StorageUrl.ENVIRONMENT, storageUrl);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("admin did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
