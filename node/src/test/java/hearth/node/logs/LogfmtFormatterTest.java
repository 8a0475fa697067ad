package hearth.node.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;

class LogfmtFormatterTest {

    /** key=value or key="quoted value" pairs, separated by single spaces, and nothing else. */
    static final String LINE = "(?:[A-Za-z0-9_.-]+=(?:[^\\s\"=\\\\]+|\"(?:[^\"\\\\]|\\\\.)*\")"
            + "(?: [A-Za-z0-9_.-]+=(?:[^\\s\"=\\\\]+|\"(?:[^\"\\\\]|\\\\.)*\"))*)";

    private final LogfmtFormatter formatter = new LogfmtFormatter();

    @Test
    void aPlainMessageBecomesOneLineWithAnEventName() {
        LogRecord record = new LogRecord(Level.INFO, "search index caught up with 12 changed posts");
        record.setLoggerName("hearth.node.search.SearchIndexer");
        String line = formatter.format(record);
        assertTrue(line.endsWith("\n"));
        assertEquals(1, line.lines().count());
        assertTrue(line.strip().matches(LINE), line);
        assertTrue(line.contains(" level=info logger=hearth.node.search.SearchIndexer event=search_index_caught_up "
                + "msg=\"search index caught up with 12 changed posts\""), line);
    }

    @Test
    void anExceptionStaysOnTheSameLine() {
        LogRecord record = new LogRecord(Level.SEVERE, "request failed");
        record.setThrown(new IllegalStateException("boom\nsecond line", new RuntimeException("cause")));
        String line = formatter.format(record);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("level=error"));
        assertTrue(line.contains("event=request_failed"));
        assertTrue(line.contains("error=\"java.lang.IllegalStateException: boom\\nsecond line\""), line);
        assertTrue(line.contains("caused by java.lang.RuntimeException: cause"), line);
        assertTrue(line.strip().matches(LINE), line);
    }

    @Test
    void anAddressInAnExceptionMessageIsScrubbed() {
        LogRecord record = new LogRecord(Level.WARNING, "delivery failed");
        record.setThrown(new java.io.IOException("connect to 198.51.100.9:443 timed out"));
        String line = formatter.format(record);
        assertFalse(line.contains("198.51.100.9"), line);
        assertTrue(line.contains("[address]:443"), line);
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        LogRecord record = new LogRecord(Level.INFO, "said \"hi\" \\ bye");
        String line = formatter.format(record);
        assertTrue(line.contains("msg=\"said \\\"hi\\\" \\\\ bye\""), line);
        assertTrue(line.strip().matches(LINE), line);
    }

    @Test
    void anEventCarriesItsFields() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Logger logger = Logger.getLogger("hearth.test.events");
        logger.setUseParentHandlers(false);
        StreamHandler handler = new StreamHandler(out, formatter);
        logger.addHandler(handler);
        try {
            Events.info(logger, "backup_done", "tables", 24, "state", "all good");
            handler.flush();
        } finally {
            logger.removeHandler(handler);
        }
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains(" event=backup_done tables=24 state=\"all good\""), line);
        assertFalse(line.contains("msg="), line);
    }

    @Test
    void anEventNameMustBeLowercaseWords() {
        assertThrows(IllegalArgumentException.class,
                () -> Events.info(Logger.getLogger("x"), "Backup Done"));
    }

    @Test
    void eventFieldsComeInPairs() {
        assertThrows(IllegalArgumentException.class,
                () -> Events.info(Logger.getLogger("x"), "backup_done", "tables"));
    }

    @Test
    void theEventNameStopsAtTheFirstWordThatIsNotPlain() {
        assertEquals("asked_to_follow", LogfmtFormatter.eventName("asked to follow perinatal@a.example"));
        assertEquals("search_indexing_failed", LogfmtFormatter.eventName("search indexing failed; retrying"));
        assertEquals("message", LogfmtFormatter.eventName("42 things"));
        assertEquals("hearth_sqlite", LogfmtFormatter.eventName("hearth-sqlite - Starting..."));
    }
}
