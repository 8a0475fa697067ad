package hearth.node;

import hearth.node.config.ConfigLoader;
import hearth.node.logs.Events;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code hearth} command line. Every option of {@code start} that a container or a service
 * manager sets has an environment variable as its default ({@code HEARTH_PORT}, {@code HEARTH_BIND},
 * {@code HEARTH_DATA}, {@code HEARTH_CONFIG}, {@code HEARTH_PUBLIC_URL}); a flag given on the
 * command line wins.
 */
@Command(name = "hearth", mixinStandardHelpOptions = true, version = "Hearth 0.1",
        description = "A federated, anonymous peer-support forum.",
        subcommands = {Main.Start.class, Main.Reindex.class, Admin.class, MigrateToPostgres.class,
                BackupCommands.Backup.class, BackupCommands.Restore.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // One logfmt line per event, and nothing about the people making requests ever reaches a log;
        // what is logged while the node stops is written too.
        hearth.node.logs.StructuredLogs.keepWhileStopping();
        hearth.node.logs.StructuredLogs.install();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = "Drop the search index and rebuild it from the database (stop the node first).")
    static final class Reindex implements Callable<Integer> {

        @Option(names = "--data", defaultValue = "${env:HEARTH_DATA:-data}",
                description = "Data folder (default $HEARTH_DATA, else ./data).")
        Path data;

        @Option(names = "--config", defaultValue = "${env:HEARTH_CONFIG}",
                description = "Configuration file (default $HEARTH_CONFIG, else the bundled example).")
        Path config;

        @Override
        public Integer call() {
            try {
                long started = System.nanoTime();
                long posts = HearthNode.reindex(data, config);
                System.out.printf("Search index rebuilt from %d posts in %.1f s.%n", posts,
                        (System.nanoTime() - started) / 1e9);
                return 0;
            } catch (ConfigLoader.ConfigException e) {
                System.err.println("Hearth cannot reindex: configuration problem " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println("Hearth cannot reindex: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a node and serve it until stopped.")
    static final class Start implements Callable<Integer> {

        @Option(names = "--port", defaultValue = "${env:HEARTH_PORT:-8080}",
                description = "Port to listen on (default $HEARTH_PORT, else 8080).")
        int port;

        @Option(names = "--bind", defaultValue = "${env:HEARTH_BIND:-127.0.0.1}",
                description = "Address to listen on (default $HEARTH_BIND, else 127.0.0.1; put a TLS reverse proxy"
                        + " in front).")
        String bind;

        @Option(names = "--data", defaultValue = "${env:HEARTH_DATA:-data}",
                description = "Data folder (default $HEARTH_DATA, else ./data).")
        Path data;

        @Option(names = "--config", defaultValue = "${env:HEARTH_CONFIG}",
                description = "Configuration file (default $HEARTH_CONFIG, else the bundled example).")
        Path config;

        @Option(names = "--public-url", defaultValue = "${env:HEARTH_PUBLIC_URL}",
                description = "Address readers use (default $HEARTH_PUBLIC_URL, else http://127.0.0.1:PORT).")
        String publicUrl;

        @Option(names = "--allow-private-addresses",
                description = "Let federation contact loopback and private addresses (local testing only).")
        boolean allowPrivateAddresses;

        @Override
        public Integer call() throws InterruptedException {
            HearthNode node;
            try {
                node = HearthNode.start(new HearthNode.Settings(port, bind, data, config, publicUrl, allowPrivateAddresses));
            } catch (ConfigLoader.ConfigException e) {
                System.err.println("Hearth cannot start: configuration problem " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println("Hearth cannot start: " + explain(e));
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("Hearth is stopping…");
                node.close();
                Events.info(Logger.getLogger(Main.class.getName()), "stopped");
                stopped.countDown();
            }, "hearth-shutdown"));
            PrintWriter out = new PrintWriter(System.out, true);
            out.println("Hearth is ready at " + node.publicUrl() + "/  (data: " + data.toAbsolutePath().normalize()
                    + "; press Ctrl-C to stop)");
            stopped.await();
            return 0;
        }

        private String explain(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    return "port " + port + " is already in use; choose another with --port";
                }
            }
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }
}
