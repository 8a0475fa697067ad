package hearth.node.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.AdminBlocklist;
import hearth.node.TestNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hearth admin import-blocklist} and {@code export-blocklist} on a real data folder. */
class BlocklistCliIT {

    /** As Mastodon 4 exports it: its header, its column order, quoting only where needed. */
    private static final String MASTODON_EXPORT = """
            #domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate
            bad.example,suspend,true,true,"Harassment, doxxing; see ""the thread\""",false
            loud.example,silence,false,false,Spam,false
            secret.example,suspend,false,false,,true
            """;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(command).execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aMastodonExportRoundTripsExactly() throws Exception {
        Path data = TestNode.freshDataFolder();
        Path file = data.resolve("domain_blocks.csv");
        Files.writeString(file, MASTODON_EXPORT);
        Run imported = run(new AdminBlocklist.Import(), file.toString(), "--data", data.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("Imported 3 entries"), imported.out());

        Run exported = run(new AdminBlocklist.Export(), "--data", data.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertEquals(MASTODON_EXPORT, exported.out());
    }

    @Test
    void anImportIsSeenByARunningNodeAndSharedOnlyWhenAsked() throws Exception {
        try (BlockBed bed = new BlockBed()) {
            Path file = bed.data.resolve("list.csv");
            Files.writeString(file, "#domain,#severity\n" + bed.remote.authority() + ",suspend\n");
            Run imported = run(new AdminBlocklist.Import(), file.toString(), "--data", bed.data.toString());
            assertEquals(0, imported.exit(), imported.err());
            BlockBed.eventually(BlockBed.SOON, "the running node refuses the imported server",
                    () -> bed.send(bed.create(bed.ana, bed.reply(bed.ana, "still here?")), bed.ana) == 403);
            assertFalse(bed.get("/blocklist.csv", "text/csv").body().contains("127.0.0.1"));

            Files.writeString(file, "shared.example\n");
            assertEquals(0, run(new AdminBlocklist.Import(), file.toString(), "--shared", "--data",
                    bed.data.toString()).exit());
            assertTrue(bed.get("/blocklist.csv", "text/csv").body().contains("shared.example,suspend"));
        }
    }

    @Test
    void aBadFileChangesNothingAndSaysWhichLine() throws Exception {
        Path data = TestNode.freshDataFolder();
        Path file = data.resolve("bad.csv");
        Files.writeString(file, "#domain,#severity\ngood.example,suspend\nbad domain!,suspend\n");
        Run imported = run(new AdminBlocklist.Import(), file.toString(), "--data", data.toString());
        assertEquals(1, imported.exit());
        assertTrue(imported.err().contains("3"), imported.err());
        Run exported = run(new AdminBlocklist.Export(), "--data", data.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertFalse(exported.out().contains("good.example"));
    }
}
