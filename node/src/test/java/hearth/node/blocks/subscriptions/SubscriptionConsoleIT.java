package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.blocklist.Severity;
import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The /mod/blocklists console over HTTP: admins only, every form checked, the review queue worked by hand. */
class SubscriptionConsoleIT {

    private static TestNode node;
    private static FeedServer remote;

    @BeforeAll
    static void start() {
        node = TestNode.startAllowingPrivateAddresses();
        Console.addModerator(node, "maya", true);
        Console.addModerator(node, "rosa", false, "survivors");
        remote = FeedServer.start();
    }

    @AfterAll
    static void stop() {
        remote.close();
        node.close();
    }

    @Test
    void anAdminSubscribesSetsThePolicyRefreshesAndWorksTheQueue() {
        remote.publish("spam.example", Severity.SUSPEND, "spam waves");
        try (Console maya = Console.signIn(node, "maya")) {
            HttpResponse<String> added = maya.submit("/mod/blocklists/sources", "url", remote.feedUrl(),
                    "kind", "hearth", "trust", "1");
            assertEquals(303, added.statusCode());
            assertTrue(maya.page("/mod/blocklists").select(".sources li").text().contains(remote.feedUrl()));

            // The default policy wants two trusted lists: one list's entry waits for review.
            assertEquals(303, maya.submit("/mod/blocklists/refresh").statusCode());
            Document page = awaitPage(maya, p -> !p.select(".held li").isEmpty());
            assertTrue(page.select(".held li").text().contains("spam.example"));
            assertTrue(page.select(".held li").text().contains("threshold is 2"));

            String approve = page.selectFirst(".held li form[action$=/approve]").attr("action");
            assertEquals(303, maya.submit(approve).statusCode());
            page = maya.page("/mod/blocklists");
            assertTrue(page.select(".held li").isEmpty());
            assertTrue(page.select(".applied li").text().contains("spam.example"), page.select(".applied").text());
            assertTrue(page.select(".applied li").text().contains("applied after review"));

            assertEquals(303, maya.submit("/mod/blocklists/policy", "threshold_kind", "percent",
                    "threshold_value", "50", "merge", "min", "max_new", "20").statusCode());
            page = maya.page("/mod/blocklists");
            assertEquals("50", page.selectFirst("input[name=threshold_value]").val());
            assertEquals("min", page.selectFirst("input[name=merge][checked]").val());
        }
    }

    @Test
    void aCircleModeratorCannotReachIt() {
        try (Console rosa = Console.signIn(node, "rosa")) {
            assertEquals(403, rosa.get("/mod/blocklists").statusCode());
        }
    }

    @Test
    void aReaderIsSentToSignIn() {
        try (Console nobody = Console.signInNone(node)) {
            HttpResponse<String> answer = nobody.get("/mod/blocklists");
            assertEquals(303, answer.statusCode());
            assertEquals("/mod/login", answer.headers().firstValue("Location").orElse(""));
        }
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndKeepsWhatWasTyped() {
        try (Console maya = Console.signIn(node, "maya")) {
            HttpResponse<String> answer = maya.post("/mod/blocklists/sources",
                    Map.of("csrf", "forged", "url", "https://typed.example/blocklist.json", "kind", "hearth", "trust", "2"));
            assertEquals(403, answer.statusCode());
            Document page = Jsoup.parse(answer.body());
            assertEquals("https://typed.example/blocklist.json", page.selectFirst("input[name=url]").val());
            assertFalse(page.select(".sources li").text().contains("typed.example"), "nothing was subscribed");
        }
    }

    @Test
    void aMistakeIsExplainedAndKeepsWhatWasTyped() {
        try (Console maya = Console.signIn(node, "maya")) {
            HttpResponse<String> answer = maya.submit("/mod/blocklists/sources", "url", "https://other.example/x.csv",
                    "kind", "csv", "trust", "lots");
            assertEquals(400, answer.statusCode());
            Document page = Jsoup.parse(answer.body());
            assertTrue(page.selectFirst(".problems").text().contains("Trust must be a number"));
            assertEquals("lots", page.selectFirst("form.subscribe input[name=trust]").val());
            assertEquals("csv", page.selectFirst("form.subscribe input[name=kind][checked]").val());
        }
    }

    private static Document awaitPage(Console console, Predicate<Document> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
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
