package hearth.node.logs;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs a named event with fields, for {@link LogfmtFormatter} to write as
 * {@code event=backup_done tables=24 ms=310}. Never pass anything a person typed or anything that
 * identifies her or her device: counts, durations, states and ids of the node's own objects only.
 *
 * <pre>{@code
 * Events.info(LOG, "index_caught_up", "posts", count);
 * }</pre>
 *
 * Thread-safe.
 */
public final class Events {

    private Events() {
    }

    public static void info(Logger logger, String event, Object... keysAndValues) {
        log(logger, Level.INFO, event, keysAndValues);
    }

    public static void warn(Logger logger, String event, Object... keysAndValues) {
        log(logger, Level.WARNING, event, keysAndValues);
    }

    /** @param keysAndValues alternating names and values; an odd count is a programming error */
    public static void log(Logger logger, Level level, String event, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name/value pairs");
        }
        if (!event.matches("[a-z][a-z0-9_.]*")) {
            throw new IllegalArgumentException("an event name is lowercase words joined by _ or .: " + event);
        }
        if (!logger.isLoggable(level)) {
            return;
        }
        LogRecord record = new EventRecord(level, event);
        record.setLoggerName(logger.getName());
        record.setParameters(keysAndValues);
        logger.log(record);
    }

    static boolean isEvent(LogRecord record) {
        return record instanceof EventRecord;
    }

    /** A record whose message is an event name and whose parameters are name/value pairs. */
    private static final class EventRecord extends LogRecord {
        private static final long serialVersionUID = 1L;

        EventRecord(Level level, String event) {
            super(level, event);
        }
    }
}
