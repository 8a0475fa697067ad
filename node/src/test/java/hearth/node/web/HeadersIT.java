package hearth.node.web;

import static hearth.node.web.Browser.csrfFrom;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every response tells the browser: load nothing from elsewhere, frame nothing, keep nothing. */
class HeadersIT {

    private static TestNode node;
    private static String threadUrl;
    private static String postUrl;
    private static Browser author;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        author = new Browser(node);
        threadUrl = author.startThread("perinatal", "Headers", "A thread to read.");
        postUrl = author.reply(threadUrl, "And a reply.");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Browser reader = new Browser(node);
        List<HttpResponse<String>> responses = List.of(reader.get("/"), reader.get("/c/perinatal"),
                reader.get(threadUrl), reader.get("/c/perinatal/new"), reader.get("/mine"), reader.get("/about"),
                reader.get("/no/such/page"), reader.get("/static/hearth.css"), reader.get("/healthz"),
                aRedirect(), reader.send("PUT", "/c/perinatal/new", null, null));

        for (HttpResponse<String> response : responses) {
            String what = response.request().method() + " " + response.uri().getPath() + " → " + response.statusCode();
            String csp = header(response, "Content-Security-Policy");
            assertAll(what,
                    () -> assertTrue(csp.contains("default-src 'none'"), csp),
                    () -> assertTrue(csp.contains("frame-ancestors 'none'"), csp),
                    () -> assertFalse(csp.contains("unsafe-inline"), csp),
                    () -> assertFalse(csp.contains("unsafe-eval"), csp),
                    () -> assertEquals("no-referrer", header(response, "Referrer-Policy")),
                    () -> assertEquals("nosniff", header(response, "X-Content-Type-Options")));
        }
    }

    @Test
    void htmlPagesAreNeverCached() {
        Browser reader = new Browser(node);
        for (String path : List.of("/", "/c/perinatal", threadUrl, "/c/perinatal/new", "/mine", "/about", "/nope")) {
            HttpResponse<String> response = reader.get(path);
            assertTrue(header(response, "Content-Type").startsWith("text/html"), path);
            assertTrue(header(response, "Cache-Control").contains("no-store"), path);
        }
        assertTrue(header(aRedirect(), "Cache-Control").contains("no-store"), "nor are redirects after posting");
    }

    @Test
    void pagesLoadNothingFromOtherSites() {
        String post = Browser.POST_URL.matcher(postUrl).replaceAll("$1/p/$2");
        for (String path : List.of("/", "/c/perinatal", threadUrl, "/c/perinatal/new", "/mine", "/about", "/nope",
                post + "/edit", post + "/delete")) {
            HttpResponse<String> response = author.get(path);
            assertTrue(response.statusCode() == 200 || path.equals("/nope"), path + " → " + response.statusCode());
            assertSameOrigin(Browser.html(response));
        }
    }

    @Test
    void pagesNeedNothingTheirOwnPolicyBlocks() {
        Document thread = new Browser(node).page(threadUrl);
        assertTrue(thread.select("script:not([src=/static/hearth.js]), style, [style]").isEmpty(),
                "no inline script or style");
        assertTrue(thread.select("link[rel=stylesheet]").eachAttr("href").contains("/static/hearth.css"));
        assertEquals(200, new Browser(node).get("/static/hearth.css").statusCode());
    }

    @Test
    void theAuthorCookieIsHttpOnlyAndSameSiteStrict() {
        Browser ana = new Browser(node);
        String form = "/c/everyday/new";
        HttpResponse<String> response = ana.postForm(form,
                Browser.fields(csrfFrom(ana.page(form)), "Cookie check", "Hello.", "usual"));

        Browser.seeOther(response);
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        assertEquals(1, setCookies.size(), setCookies.toString());
        String cookie = setCookies.getFirst();
        assertTrue(cookie.startsWith(Visitor.COOKIE + "="), cookie);
        assertTrue(cookie.matches("(?i).*;\\s*HttpOnly(;.*|$)"), cookie);
        assertTrue(cookie.matches("(?i).*;\\s*SameSite=Strict(;.*|$)"), cookie);
        assertTrue(cookie.matches("(?i).*;\\s*Path=/(;.*|$)"), cookie);
        assertTrue(cookie.matches("(?i).*;\\s*Max-Age=\\d+(;.*|$)"), "kept after the browser closes: " + cookie);
    }

    @Test
    void healthCheckAnswers() {
        HttpResponse<String> response = new Browser(node).get("/healthz");
        assertEquals(200, response.statusCode());
        assertEquals("ok", response.body().strip());
    }

    // ---- helpers

    /** A fresh 303 after a reply. */
    private static HttpResponse<String> aRedirect() {
        Browser bea = new Browser(node);
        HttpResponse<String> response = bea.postForm(threadUrl + "/reply",
                Map.of("csrf", csrfFrom(bea.page(threadUrl)), "body", "Thinking of you.", "pseudonym", "usual"));
        assertEquals(303, response.statusCode());
        return response;
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** Everything the browser would fetch by itself is ours; other sites appear only as links she clicks. */
    private static void assertSameOrigin(Document page) {
        URI self = node.url("/");
        for (Element e : page.select("link[href], script[src], img[src], iframe[src], frame[src], source[src], "
                + "video[src], audio[src], embed[src], object[data], input[src], form[action]")) {
            String ref = e.hasAttr("href") ? e.attr("href") : e.hasAttr("src") ? e.attr("src")
                    : e.hasAttr("data") ? e.attr("data") : e.attr("action");
            URI resolved = self.resolve(ref);
            assertEquals(self.getScheme() + "://" + self.getAuthority(),
                    resolved.getScheme() + "://" + resolved.getAuthority(), () -> "third-party: " + e.outerHtml());
        }
        assertTrue(page.select("[srcset], [poster], meta[http-equiv=refresh]").isEmpty());
    }
}
