package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import hearth.node.logs.StructuredLogs;
import hearth.node.process.NodeProcess;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The log of a node serving requests: one logfmt line per event with an event name, and nothing
 * about the people using it (no address, no user agent, no author key or cookie, no query string),
 * even when a client sends them in headers and addresses.
 */
class StructuredLogsIT {

    private static final Pattern LINE = Pattern.compile("ts=\\S+ level=(debug|info|warn|error) logger=\\S+ event=[a-z_]+"
            + "(?: [A-Za-z0-9_.-]+=(?:[^\\s\"=\\\\]+|\"(?:[^\"\\\\]|\\\\.)*\"))*");
    private static final String AGENT = "HearthProbe/9.9 (Windows NT 10.0; her-laptop)";
    private static final String FORWARDED = "203.0.113.77";
    private static final String WORDS = "whisperedsecretwords";

    @Test
    void aServingNodeLogsStructuredLinesWithoutClientData() throws Exception {
        Logger root = LogManager.getLogManager().getLogger("");
        Handler[] before = root.getHandlers();
        Level level = root.getLevel();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Handler capture = StructuredLogs.installOn(out);
        List<String> cookies = new ArrayList<>();
        try (TestNode node = TestNode.start()) {
            PlainClient her = new PlainClient(node.port(), Map.of("User-Agent", AGENT, "X-Forwarded-For", FORWARDED,
                    "X-Real-IP", FORWARDED));
            String thread = her.startThread("everyday", "Quiet evening", "Some " + WORDS + " for nobody.");
            her.get(thread).headers().allValues("Set-Cookie").forEach(cookies::add);
            her.get("/search?q=" + WORDS);
            her.get("/no/such/page?who=" + WORDS);
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.port() + "/inbox?from=" + WORDS))
                    .header("User-Agent", AGENT).header("Content-Type", "application/activity+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Create\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(refused.statusCode() >= 400);
            cookies.addAll(refused.headers().allValues("Set-Cookie"));
            // A library's message that quotes an address and a query still comes out clean.
            Logger.getLogger("io.vertx.test").log(Level.WARNING, "connection from " + FORWARDED
                    + " to http://127.0.0.1:" + node.port() + "/search?q=" + WORDS + " reset",
                    new java.io.IOException("peer " + FORWARDED + " with " + AGENT.length() + " bytes"));
        } finally {
            root.removeHandler(capture);
            for (Handler handler : before) {
                root.addHandler(handler);
            }
            root.setLevel(level);
        }
        String log = out.toString(StandardCharsets.UTF_8);
        List<String> lines = log.lines().toList();
        assertTrue(lines.size() >= 2, () -> "the node logs its start and the warning:\n" + log);
        for (String line : lines) {
            assertTrue(LINE.matcher(line).matches(), () -> "not a structured line: " + line);
        }
        assertTrue(log.contains("event=connection_from"), log);
        assertFalse(log.contains(FORWARDED), "no client address");
        assertFalse(log.contains("127.0.0.1"), "no address at all");
        assertFalse(log.contains(AGENT) || log.contains("HearthProbe"), "no user agent");
        assertFalse(log.contains(WORDS), "no query string and none of her words");
        for (String cookie : cookies) {
            String value = cookie.substring(cookie.indexOf('=') + 1).split(";")[0];
            if (value.length() >= 8) {
                assertFalse(log.contains(value), "no cookie value (author key, session)");
            }
        }
        assertEquals(lines.size(), log.split("\n").length, "one line per event");
    }

    @Test
    void whatANodeLogsWhileItStopsIsWritten() {
        NodeProcess node = NodeProcess.start(TestNode.freshDataFolder(), "logs-at-stop");
        int code = node.stop();
        String log = node.logText();
        assertTrue(code == 0 || code == 143, "exit code after SIGTERM was " + code);
        List<String> stopped = log.lines().filter(l -> l.contains(" event=stopped")).toList();
        assertEquals(1, stopped.size(), () -> "the last line of a stop is in the log:\n" + log);
        assertTrue(LINE.matcher(stopped.getFirst()).matches(), stopped.getFirst());
    }
}
