package hearth.node;

import hearth.node.config.DataFolder;
import hearth.node.federation.Deliveries;
import hearth.node.federation.Follows;
import hearth.node.store.Database;
import hearth.node.store.StorageUrl;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Operator commands that work on a node's data folder, whether or not the node is running
 * (SQLite lets both in; a running node picks up the change within seconds).
 */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Operator commands.",
        subcommands = {Admin.FollowCircle.class, Admin.UnfollowCircle.class, Admin.Status.class,
                AdminModerators.Add.class, AdminBlocklist.Import.class, AdminBlocklist.Export.class})
final class Admin implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /**
     * The store of the node in {@code data}: its SQLite file, or the PostgreSQL database named by
     * {@code HEARTH_STORAGE_URL} (these commands read no configuration file).
     */
    static Database store(Path data) {
        return Database.open(StorageUrl.configured(null), DataFolder.open(data).database());
    }

    /** One write to the node's store in {@code data}, running or not. */
    static <T> T write(Path data, Database.Work<T> work) {
        try (Database db = store(data)) {
            return db.write(work);
        }
    }

    /** A remote circle handle: name@host, optionally with a port. */
    static String checkedHandle(String handle) {
        String h = handle.startsWith("@") ? handle.substring(1) : handle;
        if (!h.matches("[A-Za-z0-9_.-]+@[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new Admin()),
                    "a circle is named like perinatal@a.example, got: " + handle);
        }
        return h;
    }

    @Command(name = "follow", mixinStandardHelpOptions = true,
            description = "Follow a circle on another node: its threads will appear here.")
    static final class FollowCircle implements Callable<Integer> {
        @Parameters(paramLabel = "CIRCLE@HOST")
        String handle;

        @Option(names = "--data", defaultValue = "data", description = "Data folder (default ./${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            String circle = checkedHandle(handle);
            write(data, c -> {
                Follows.request(c, circle, System.currentTimeMillis());
                return null;
            });
            System.out.println("Following " + circle + ": the node sends the request within seconds of running.");
            return 0;
        }
    }

    @Command(name = "unfollow", mixinStandardHelpOptions = true, description = "Stop following a remote circle.")
    static final class UnfollowCircle implements Callable<Integer> {
        @Parameters(paramLabel = "CIRCLE@HOST")
        String handle;

        @Option(names = "--data", defaultValue = "data", description = "Data folder (default ./${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            String circle = checkedHandle(handle);
            boolean known = write(data, c -> Follows.requestUnfollow(c, circle));
            System.out.println(known ? "Unfollowing " + circle + "." : "This node does not follow " + circle + ".");
            return known ? 0 : 1;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Deliveries by state, and follows.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "data", description = "Data folder (default ./${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            try (Database db = store(data)) {
                System.out.println("deliveries: " + db.read(Deliveries::counts));
                Follows follows = new Follows(db);
                for (String state : new String[] {Follows.REQUESTED, Follows.PENDING, Follows.ACCEPTED, Follows.REJECTED}) {
                    follows.followed(state).forEach(f -> System.out.println("following " + f.circleName() + ": " + state));
                }
            }
            return 0;
        }
    }
}
