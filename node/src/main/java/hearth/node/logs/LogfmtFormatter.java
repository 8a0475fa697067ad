package hearth.node.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes each log record as one logfmt line:
 * {@code ts=2025-05-01T10:00:00.123Z level=warn logger=hearth.node.search.SearchIndexer
 * event=search_indexing_failed msg="search indexing failed; retrying" error="..." at="..."}.
 *
 * <p>A record logged through {@link Events} carries its event name and fields; any other record
 * gets an event name made of the first words of its message. Every value passes through
 * {@link Scrubber}; a stack trace becomes one {@code at=} field of its first frames. Stateless and
 * thread-safe.
 */
public final class LogfmtFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int FRAMES = 6;
    private static final int EVENT_WORDS = 4;

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        field(line, "ts", TIME.format(Instant.ofEpochMilli(record.getMillis())));
        field(line, "level", level(record.getLevel()));
        field(line, "logger", record.getLoggerName() == null ? "root" : record.getLoggerName());
        Object[] params = record.getParameters();
        if (Events.isEvent(record)) {
            field(line, "event", record.getMessage());
            for (int i = 0; params != null && i + 1 < params.length; i += 2) {
                field(line, String.valueOf(params[i]), String.valueOf(params[i + 1]));
            }
        } else {
            String message = formatMessage(record);
            field(line, "event", eventName(message));
            field(line, "msg", message);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            field(line, "error", thrown.getClass().getName()
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
            field(line, "at", frames(thrown));
        }
        return line.append('\n').toString();
    }

    /** The first words of a message, lowercased and joined by underscores: "search indexing failed". */
    static String eventName(String message) {
        StringBuilder name = new StringBuilder();
        int words = 0;
        for (String word : (message == null ? "" : message).strip().split("\\s+")) {
            String clean = word.replaceAll("[;:,.!]+$", "");
            if (words == EVENT_WORDS || !clean.matches("[A-Za-z][A-Za-z'-]*")) {
                break;
            }
            name.append(words++ == 0 ? "" : "_")
                    .append(clean.replace("'", "").replace('-', '_').toLowerCase(Locale.ROOT));
            if (!clean.equals(word)) {
                break;
            }
        }
        return name.isEmpty() ? "message" : name.toString();
    }

    private static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (value >= Level.WARNING.intValue()) {
            return "warn";
        }
        return value >= Level.INFO.intValue() ? "info" : "debug";
    }

    private static String frames(Throwable thrown) {
        StringBuilder at = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t != thrown) {
                at.append(" | caused by ").append(t.getClass().getName()).append(": ").append(t.getMessage());
            }
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, stack.length); i++) {
                at.append(at.isEmpty() ? "" : " < ").append(stack[i]);
            }
        }
        return at.toString();
    }

    private static void field(StringBuilder line, String key, String value) {
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(key.replaceAll("[^A-Za-z0-9_.-]", "_")).append('=');
        String clean = Scrubber.scrub(value == null ? "" : value);
        if (!clean.isEmpty() && clean.chars().noneMatch(ch -> ch <= ' ' || ch == '"' || ch == '=' || ch == '\\')) {
            line.append(clean);
            return;
        }
        line.append('"');
        for (int i = 0; i < clean.length(); i++) {
            char ch = clean.charAt(i);
            switch (ch) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> line.append(ch < ' ' ? ' ' : ch);
            }
        }
        line.append('"');
    }
}
