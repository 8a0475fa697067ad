package hearth.node.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The node's disk fills up (a small tmpfs, see {@link SmallDisk}) while a woman posts in
 * Spanish and another server follows the circle: posting fails with a calm page in her language
 * that keeps her title and words, nothing stored before is damaged (integrity check, pages,
 * search), the node keeps serving, and once the space is freed posting, indexing and delivering
 * all carry on without a restart, with nothing lost. Figures go to {@code target/disk-full.txt}.
 */
class DiskFullIT {

    private static final long DISK_BYTES = 48L << 20;
    private static final String CIRCLE = "everyday";
    /** Generous: CI shares 2 cores, and a delivery waits its turn behind page requests. */
    private static final Duration SOON = Duration.ofSeconds(180);

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFullDiskRefusesPostsCalmlyAndRecoversWithoutARestart() throws Exception {
        String tag = Long.toString(new SecureRandom().nextInt(1 << 30), 36);
        Path folder = Path.of("target", "test-nodes").toAbsolutePath().resolve("small-disk-" + tag);
        List<String> acknowledged = new ArrayList<>();
        StringBuilder figures = new StringBuilder("Disk full (DiskFullIT)\n");
        try (SmallDisk disk = SmallDisk.create(folder, DISK_BYTES);
             Receiver receiver = Receiver.start("reader", LoadWriter.markers(tag));
             NodeProcess node = NodeProcess.start(folder, "disk-full", NodeProcess.anyFreePort(),
                     List.of("--allow-private-addresses", "--config", config(tag).toString()), disk.prefix());
             ForumClient she = new ForumClient(node.url("/"), ForumClient.newJar(), "es");
             ForumClient reader = new ForumClient(node.url("/"), ForumClient.newJar())) {
            Path seen = disk.seen(node);
            figures.append("  data folder:                    ").append(DISK_BYTES >> 20).append(" MB, ")
                    .append(disk.how()).append('\n');
            assertEquals(202, receiver.follow(node.url("/c/" + CIRCLE)));
            KillNineUnderLoadIT.eventually(SOON, "the circle accepted the follow",
                    () -> receiver.acceptedBy().size() == 1);

            // Before: five threads, found by search.
            List<String> threads = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                String marker = marker(tag, 1, n);
                ForumClient.Answer answer = she.startThread(CIRCLE, "Antes " + n, "No duermo bien. " + marker,
                        "usual");
                assertTrue(answer.acknowledged(), answer.describe());
                acknowledged.add(marker);
                threads.add(answer.threadId());
            }
            for (String marker : acknowledged) {
                KillNineUnderLoadIT.eventually(SOON, marker + " is found", () -> hits(reader, marker) == 1);
            }

            long filled = SmallDisk.fill(seen, "filler");
            figures.append("  filler written:                 ").append(filled >> 20).append(" MB\n");

            // Full: posting fails calmly, in Spanish, keeping her words (while SQLite still has room in its
            // write-ahead log a post may yet succeed; it then counts as acknowledged like any other).
            ForumClient.Answer refused = null;
            int attempts = 0;
            while (refused == null && attempts < 60) {
                String marker = marker(tag, 2, attempts++);
                String title = "Durante " + attempts;
                String body = "Sigo sin dormir, tres noches ya. " + marker + " " + "Gracias por leer. ".repeat(200);
                ForumClient.Answer answer = she.startThread(CIRCLE, title, body, "usual");
                if (answer.acknowledged()) {
                    acknowledged.add(marker);
                } else {
                    assertEquals(503, answer.status(), answer.describe());
                    assertCalmPageKeeping(answer, title, body);
                    refused = answer;
                }
            }
            assertNotNull(refused, "60 posts on a full disk were all accepted");
            figures.append("  posts accepted on a full disk:  ").append(attempts - 1)
                    .append(" (room left in SQLite's write-ahead log), then 503 with her words kept\n");

            // Full: the node still serves pages, earlier posts and search; the database is sound.
            assertEquals(200, reader.get("/").statusCode());
            for (int n = 0; n < threads.size(); n++) {
                HttpResponse<String> page = reader.get("/c/" + CIRCLE + "/t/" + threads.get(n));
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains(marker(tag, 1, n)), "an earlier post is unreadable");
            }
            for (String marker : acknowledged) {
                assertEquals(1, hits(reader, marker), "search while the disk is full: " + marker);
            }
            assertEquals("ok", StoreView.integrity(seen), "integrity check while the disk is full");

            // Space again: posting works at once, without a restart.
            Files.delete(seen.resolve("filler"));
            String after = marker(tag, 3, 0);
            ForumClient.Answer again = she.startThread(CIRCLE, "Después", "Hoy dormí algo. " + after, "usual");
            assertTrue(again.acknowledged(), "posting after the space came back: " + again.describe());
            acknowledged.add(after);

            // Nothing lost: the index catches up, the outbox delivers everything, the store holds each post once.
            for (String marker : acknowledged) {
                KillNineUnderLoadIT.eventually(SOON, marker + " is found after the disk had room again",
                        () -> hits(reader, marker) == 1);
            }
            KillNineUnderLoadIT.eventually(SOON, "every post reached the follower",
                    () -> receiver.markers().containsAll(acknowledged));
            StoreView store = StoreView.read(seen);
            for (String marker : acknowledged) {
                assertEquals(1, store.count(marker), marker + " in the store");
            }
            assertEquals("ok", StoreView.integrity(seen), "integrity check after the disk had room again");
            figures.append("  posts acknowledged / found:     ").append(acknowledged.size()).append(" / ")
                    .append(acknowledged.stream().filter(m -> store.count(m) == 1).count())
                    .append(" (store, search and the follower's inbox)\n")
                    .append("  integrity_check:                ok while full and after\n");
            int code = node.stop(Duration.ofSeconds(20));
            assertTrue(code == 0 || code == 143, "exit code after SIGTERM was " + code + "\n" + node.logText());
        }
        System.out.print(figures);
        Files.writeString(Path.of("target", "disk-full.txt"), figures);
    }

    private static void assertCalmPageKeeping(ForumClient.Answer answer, String title, String body) {
        Document page = Jsoup.parse(answer.body());
        assertTrue(page.text().contains("se ha quedado sin espacio"), "the page is not in Spanish or not calm: "
                + answer.describe());
        Element titleField = page.selectFirst("form input[name=title]");
        Element bodyField = page.selectFirst("form textarea[name=body]");
        assertNotNull(titleField, "the form is gone");
        assertNotNull(bodyField, "the form is gone");
        assertEquals(title, titleField.attr("value"), "her title was not kept");
        assertEquals(body.strip(), bodyField.wholeText().strip(), "her words were not kept");
        if (answer.body().contains("Exception") || answer.body().contains("SQLITE")) {
            fail("the page shows what failed inside: " + answer.describe());
        }
    }

    /**
     * The test configuration, kept outside the data folder: in a mount namespace the node would
     * not see a file written there before its tmpfs was mounted over it.
     */
    private static Path config(String tag) {
        Path dir = Path.of("target", "test-nodes").toAbsolutePath().resolve("small-disk-config-" + tag);
        return hearth.node.TestConfigs.withoutVisitorLimits(dir);
    }

    private static String marker(String tag, int phase, int n) {
        return String.format("mk%sr%02dw0n%04dz", tag, phase, n);
    }

    private static int hits(ForumClient reader, String word) {
        try {
            HttpResponse<String> page = reader.get("/search?q=" + word);
            return page.statusCode() == 200 ? Jsoup.parse(page.body()).select("ol.results > li").size() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
