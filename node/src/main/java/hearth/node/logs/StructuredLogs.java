package hearth.node.logs;

import java.io.OutputStream;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Points every java.util.logging record of the process (and so SLF4J's, through slf4j-jdk14) at one
 * handler writing {@link LogfmtFormatter} lines to standard error. Call {@link #install()} once at
 * the start of the process; not meant to be called concurrently.
 */
public final class StructuredLogs {

    private static final String MANAGER = "java.util.logging.manager";

    private StructuredLogs() {
    }

    /**
     * Makes {@link KeptLogManager} the process's manager, unless another was chosen, so what is
     * logged while the process stops is written. Call it first in {@code main}: once anything has
     * logged, the JDK's manager is in place for good. (This class is not a {@code LogManager}: calling
     * a static method of one would start the JDK's manager before the choice is made.)
     */
    public static void keepWhileStopping() {
        if (System.getProperty(MANAGER) == null) {
            System.setProperty(MANAGER, "hearth.node.logs.KeptLogManager");
        }
    }

    /** Replaces the root logger's handlers with one logfmt handler on standard error. */
    public static void install() {
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.ALL);
        use(console);
    }

    /** Replaces the root logger's handlers with one writing logfmt lines to {@code out} (tests, tools). */
    public static StreamHandler installOn(OutputStream out) {
        StreamHandler handler = new StreamHandler(out, new LogfmtFormatter()) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        use(handler);
        return handler;
    }

    private static void use(Handler handler) {
        handler.setFormatter(new LogfmtFormatter());
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler old : root.getHandlers()) {
            root.removeHandler(old);
        }
        root.addHandler(handler);
        root.setLevel(Level.INFO);
    }
}
