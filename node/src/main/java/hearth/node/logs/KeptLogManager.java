package hearth.node.logs;

import java.util.logging.LogManager;

/**
 * The process's {@link LogManager}: it keeps its handlers when the JVM begins to exit. The JDK's
 * own manager closes every handler from a shutdown hook of its own, which runs beside the node's
 * stop, so whatever the node logged while stopping (an index that could not be committed, a
 * database that went away) would be lost. Handlers here write and flush each line as it comes,
 * so there is nothing to close at exit.
 *
 * <p>Chosen with {@code -Djava.util.logging.manager}, which {@link StructuredLogs#keepWhileStopping()}
 * sets before anything logs.
 */
public final class KeptLogManager extends LogManager {

    public KeptLogManager() {
        super();
    }

    /** Keeps the handlers: called by the JDK at exit (and by a configuration reload, which Hearth does not do). */
    @Override
    public void reset() {
        // Nothing: see the class comment.
    }
}
