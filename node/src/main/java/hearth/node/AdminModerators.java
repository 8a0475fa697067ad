package hearth.node;

import hearth.node.moderation.ModeratorAccounts;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Operator commands for moderator accounts. */
final class AdminModerators {

    private AdminModerators() {
    }

    @Command(name = "add-moderator", mixinStandardHelpOptions = true,
            description = "Create a moderator (or give an existing one a new password and more circles). "
                    + "The password is asked for, or read from standard input.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Her sign-in name (letters, digits, '.', '_' or '-').")
        String name;

        @Option(names = "--circle", paramLabel = "C", description = "A circle she moderates (repeat for several).")
        List<String> circles = new ArrayList<>();

        @Option(names = "--admin", description = "Node admin: moderates every circle and the node's blocks.")
        boolean admin;

        @Option(names = "--data", defaultValue = "data", description = "Data folder (default ./${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() throws IOException {
            if (!name.matches("[A-Za-z0-9._-]{1,60}")) {
                System.err.println("A moderator name is 1-60 letters, digits, '.', '_' or '-'.");
                return 2;
            }
            if (!admin && circles.isEmpty()) {
                System.err.println("Give her at least one --circle, or make her a node --admin.");
                return 2;
            }
            char[] password = readPassword();
            try {
                if (password.length < ModeratorAccounts.PASSWORD_MIN) {
                    System.err.println("Please use a password of at least " + ModeratorAccounts.PASSWORD_MIN
                            + " characters (a few unrelated words work well).");
                    return 2;
                }
                Admin.write(data, c -> {
                    for (String circle : circles) {
                        if (!circleExists(c, circle)) {
                            throw new IllegalArgumentException("this node has no circle named " + circle);
                        }
                    }
                    ModeratorAccounts.createOrUpdate(c, name, password, admin, circles, System.currentTimeMillis());
                    return null;
                });
            } catch (IllegalArgumentException bad) {
                System.err.println("Not saved: " + bad.getMessage() + ".");
                return 2;
            } finally {
                Arrays.fill(password, '\0');
            }
            System.out.println("Moderator " + name + " can sign in at /mod/login"
                    + (admin ? " (node admin)." : " (circles: " + String.join(", ", circles) + ")."));
            return 0;
        }

        private static boolean circleExists(java.sql.Connection c, String circle) throws java.sql.SQLException {
            try (var s = c.prepareStatement("SELECT 1 FROM circle WHERE name = ?")) {
                s.setString(1, circle);
                try (var r = s.executeQuery()) {
                    return r.next();
                }
            }
        }

        /** Console.isTerminal() exists from Java 22; on 21 a non-null console is a terminal. */
        private static boolean isTerminal(Console console) {
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException older) {
                return true;
            }
        }

        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null && isTerminal(console)) {
                char[] first = console.readPassword("Password: ");
                char[] again = console.readPassword("Same password again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    throw new IllegalStateException("the two passwords differ");
                }
                return first;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }
}
