package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.time.Duration;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real nodes: A's moderator shares blocks, B subscribes to A's /blocklist.json. B verifies
 * the feed with A's published key and applies it; when A lifts a shared block, its feed says so
 * and B lifts what A caused, saying why in its public log.
 */
class PublishedFeedIT {

    private static TestNode a;
    private static TestNode b;

    @BeforeAll
    static void start() {
        a = TestNode.start();
        b = TestNode.startAllowingPrivateAddresses();
        Console.addModerator(a, "ada", true);
        Console.addModerator(b, "bea", true);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void aFeedPublishedByOneNodeIsVerifiedAndAppliedByAnother() {
        String authorityOfA = "127.0.0.1:" + a.port();
        try (Console ada = Console.signIn(a, "ada"); Console bea = Console.signIn(b, "bea")) {
            assertEquals(303, ada.submit("/mod/blocks", "domain", "spam.example", "severity", "suspend",
                    "public_comment", "spam waves", "shared", "on").statusCode());
            assertEquals(303, ada.submit("/mod/blocks", "domain", "rude.example", "severity", "silence",
                    "shared", "on").statusCode());

            assertEquals(303, bea.submit("/mod/blocklists/policy", "threshold_kind", "count", "threshold_value", "1",
                    "merge", "max", "max_new", "200").statusCode());
            assertEquals(303, bea.submit("/mod/blocklists/sources", "url", a.url("/blocklist.json").toString(),
                    "kind", "hearth", "trust", "1").statusCode());
            bea.submit("/mod/blocklists/refresh");
            Document page = await(bea, p -> p.select(".applied li").size() == 2);
            assertTrue(page.select(".applied li").text().contains("spam.example"));
            assertTrue(page.select(".applied li").text().contains("from " + authorityOfA));
            assertTrue(page.select(".sources li").text().contains("change 2"), page.select(".sources li").text());
            assertFalse(page.select(".sources li").text().contains("Last fetch:"), "no error");
            assertTrue(bea.page("/mod/blocks").text().contains("spam waves"), "applied as a block of B");

            assertEquals(303, ada.submit("/mod/blocks/lift", "domain", "rude.example", "reason", "they apologised")
                    .statusCode());
            bea.submit("/mod/blocklists/refresh");
            page = await(bea, p -> p.select(".applied li").size() == 1);
            assertTrue(page.select(".applied li").text().contains("spam.example"));
            String log = bea.page("/modlog").text();
            assertTrue(log.contains("retracted by " + authorityOfA), log);
        }
    }

    private static Document await(Console console, Predicate<Document> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Document page = console.page("/mod/blocklists");
            if (wanted.test(page)) {
                return page;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page never showed what was expected:\n" + page.select("main").text());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
