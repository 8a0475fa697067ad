package hearth.node;

import hearth.federation.blocklist.BlocklistFormatException;
import hearth.node.author.PseudonymNames;
import hearth.node.blocks.Blocks;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.ForumService;
import hearth.node.store.Database;
import hearth.ui.text.PostFormatter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The operator's blocklist commands, {@code ./hearth admin import-blocklist FILE.csv} and
 * {@code ./hearth admin export-blocklist}, on a node's data folder whether or not the node is
 * running (a running node sees an import within seconds). An import does everything a
 * moderator's block does: the modlog, the published feed, and erasing what a suspended domain
 * left here. The modlog names no moderator for them: they are the operator's.
 */
public final class AdminBlocklist {

    private AdminBlocklist() {
    }

    /** Runs {@code work} with the blocks of the node in {@code data}. */
    static <T> T withBlocks(Path data, java.util.function.Function<Blocks, T> work) {
        try (Database db = Admin.store(data)) {
            ForumService forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), Clock.systemUTC());
            Blocks blocks = new Blocks(db, new FederatedPosts(db, forum, Clock.systemUTC()), false, List.of(),
                    Clock.systemUTC());
            try {
                return work.apply(blocks);
            } finally {
                blocks.close();
            }
        }
    }

    @Command(name = "import-blocklist", mixinStandardHelpOptions = true,
            description = "Import a Mastodon domain-block CSV (#domain,#severity,#reject_media,#reject_reports,"
                    + "#public_comment,#obfuscate). A bad line stops the import; nothing is changed then.")
    public static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Option(names = "--data", defaultValue = "data", description = "Data folder (default ./${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--shared", description = "Publish the imported entries in this node's blocklist feed.")
        boolean shared;

        @Override
        public Integer call() {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Blocks.ImportResult result = withBlocks(data, blocks -> {
                    try {
                        return blocks.importCsv(in, shared, null);
                    } catch (BlocklistFormatException e) {
                        throw new Refused(e.getMessage());
                    }
                });
                System.out.println("Imported " + result.read() + " entries from " + file + "; " + result.changed()
                        + " changed a block.");
                return 0;
            } catch (NoSuchFileException e) {
                System.err.println("No such file: " + file);
                return 2;
            } catch (IOException e) {
                System.err.println("Cannot read " + file + ": " + e.getMessage());
                return 2;
            } catch (Refused e) {
                System.err.println("Nothing was imported: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "export-blocklist", mixinStandardHelpOptions = true,
            description = "Write every domain block as a Mastodon domain-block CSV to standard output "
                    + "(private comments are not included).")
    public static final class Export implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "data", description = "Data folder (default ./${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            withBlocks(data, blocks -> {
                blocks.exportCsv(out);
                return null;
            });
            try {
                out.flush();
            } catch (IOException e) {
                return 1;
            }
            return 0;
        }
    }

    /** A file the import refused, carried out of the store's callback. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
