package hearth.node.federation;

import static hearth.node.federation.Peers.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.process.ConsoleClient;
import hearth.node.process.ForumClient;
import hearth.node.process.NodeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Moderation across two real nodes on loopback: B follows circle {@code perinatal} on A, whose
 * node admin is Maya. A reader's report on B about a post from A reaches Maya's queue, sent by
 * B's node actor; Maya's removal on A replaces the post on B with the reason and takes it out of
 * B's search; her lock on A closes the thread to replies on B.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModerationFederationIT {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse battery staple";

    private static NodeProcess a;
    private static NodeProcess b;
    private static ForumClient womanOnA;
    private static String remoteCircle;
    private static String threadOnA;
    private static String threadOnB;

    @BeforeAll
    static void startNodes() throws Exception {
        Path dataA = Peers.freshData("mod-a");
        Path dataB = Peers.freshData("mod-b");
        addModerator(dataA, "maya");
        a = Peers.start(dataA, "mod-a", NodeProcess.anyFreePort());
        b = Peers.start(dataB, "mod-b", NodeProcess.anyFreePort());
        womanOnA = Peers.reader(a);
        remoteCircle = "perinatal@" + Peers.host(a);
        Peers.admin(dataB, "follow", remoteCircle);
        eventually(SOON, "A counts B as a follower of perinatal",
                () -> Peers.json(a, "/c/perinatal/followers").contains("\"totalItems\":1"));
        ForumClient.Answer posted = womanOnA.startThread("perinatal", "Feeling low after the birth",
                "Three weeks in and I cry every evening.", "usual");
        assertTrue(posted.acknowledged(), posted.describe());
        threadOnA = "/c/perinatal/t/" + posted.threadId();
        eventually(SOON, "the thread reaches B",
                () -> Peers.threadPath(b, remoteCircle, "Feeling low after the birth") != null);
        threadOnB = Peers.threadPath(b, remoteCircle, "Feeling low after the birth");
    }

    @AfterAll
    static void stopNodes() {
        for (AutoCloseable closeable : new AutoCloseable[] {womanOnA, a, b}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    @Order(1)
    void aReportOnBAboutAPostFromALandsInTheQueueOnA() throws Exception {
        String openingOnA = Peers.page(a, threadOnA).selectFirst("li.post").id().substring(2);
        String openingOnB = Peers.page(b, threadOnB).selectFirst("li.post").id().substring(2);
        assertEquals(200, report(b, threadOnB + "/p/" + openingOnB, "at-risk",
                "She may need the crisis line tonight."));
        try (ConsoleClient maya = ConsoleClient.signIn(a.url("/"), "maya", PASSWORD)) {
            eventually(SOON, "the report reaches Maya's queue on A", () -> queue(maya).contains(openingOnA));
            String item = maya.queueItemText(openingOnA);
            assertTrue(item.contains("She may need the crisis line tonight."), item);
            assertTrue(item.contains("forwarded by " + Peers.host(b)), item);
        }
    }

    @Test
    @Order(2)
    void aRemovalOnADisappearsOnBWithItsReasonAndFromItsSearch() throws Exception {
        String threadId = threadOnA.substring(threadOnA.lastIndexOf('/') + 1);
        ForumClient.Answer replied = womanOnA.reply("perinatal", threadId,
                "Stop the tablets and try the zebrafruit cleanse instead.", "usual");
        assertTrue(replied.acknowledged(), replied.describe());
        eventually(SOON, "the reply reaches B", () -> Peers.page(b, threadOnB).text().contains("zebrafruit"));
        eventually(SOON, "B's search finds the reply", () -> searchOnB("zebrafruit").contains("zebrafruit"));

        try (ConsoleClient maya = ConsoleClient.signIn(a.url("/"), "maya", PASSWORD)) {
            assertEquals(303, maya.remove(replied.postId(), "Harmful advice about medication"));
        }
        eventually(SOON, "B shows the removal note instead of the reply", () -> {
            String text = Peers.page(b, threadOnB).text();
            return text.contains("Removed by moderators: Harmful advice about medication") && !text.contains("zebrafruit");
        });
        eventually(SOON, "B's search no longer finds it", () -> !searchOnB("zebrafruit").contains("zebrafruit"));
    }

    @Test
    @Order(3)
    void aLockOnARefusesRepliesOnB() throws Exception {
        String threadId = threadOnA.substring(threadOnA.lastIndexOf('/') + 1);
        try (OpenForm form = OpenForm.of(b, threadOnB)) {
            try (ConsoleClient maya = ConsoleClient.signIn(a.url("/"), "maya", PASSWORD)) {
                assertEquals(303, maya.lock(threadId, true));
            }
            eventually(SOON, "B shows the thread as locked",
                    () -> Peers.page(b, threadOnB).text().contains("Moderators have locked this thread"));
            assertNull(Peers.page(b, threadOnB).selectFirst("form.compose"), "no reply form on B");
            assertEquals(403, form.reply("A reply written before the lock."));
        }
    }

    // ---- helpers

    /** ./hearth admin add-moderator NAME --admin, with the password on standard input. */
    private static void addModerator(Path data, String name) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "hearth.node.Main", "admin", "add-moderator", name,
                "--admin", "--data", data.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "add-moderator finished");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> queue(ConsoleClient maya) {
        try {
            return maya.queue();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A reader on {@code node} reports a post through its report form; returns the answer's status. */
    private static int report(NodeProcess node, String postPath, String reason, String comment) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build()) {
            String form = http.send(HttpRequest.newBuilder(node.url(postPath + "/report")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String csrf = Jsoup.parse(form).selectFirst("form.report input[name=csrf]").attr("value");
            return http.send(HttpRequest.newBuilder(node.url(postPath + "/report"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(csrf) + "&reason=" + enc(reason)
                            + "&comment=" + enc(comment))).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static String searchOnB(String words) {
        Document page = Peers.page(b, "/search?q=" + enc(words));
        return page.select("main").text();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A thread's reply form, opened while the thread still takes replies and sent later. */
    private record OpenForm(HttpClient http, URI action, String csrf) implements AutoCloseable {

        static OpenForm of(NodeProcess node, String threadPath) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String page = http.send(HttpRequest.newBuilder(node.url(threadPath)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var field = Jsoup.parse(page).selectFirst("form.compose input[name=csrf]");
            assertTrue(field != null, "the open thread has a reply form");
            return new OpenForm(http, node.url(threadPath + "/reply"), field.attr("value"));
        }

        int reply(String body) throws Exception {
            return http.send(HttpRequest.newBuilder(action)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(csrf) + "&pseudonym=usual&body=" + enc(body)))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        @Override
        public void close() {
            http.shutdownNow();
        }
    }
}
