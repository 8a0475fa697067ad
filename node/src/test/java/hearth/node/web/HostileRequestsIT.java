package hearth.node.web;

import static hearth.node.web.Browser.csrfFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests a page can send (issue 8, "Hostile input through the page"): oversized forms,
 * invalid UTF-8, bidi overrides and zero-width characters, path traversal and header injection.
 * Each category counts what was tried and what got through (must be none); the counts are
 * printed at the end for the README.
 */
class HostileRequestsIT {

    private static final String NEW = "/c/everyday/new";
    private static final Map<String, int[]> COUNTS = new TreeMap<>();
    private static TestNode node;
    private static DatabasePeek peek;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        peek = new DatabasePeek(node);
    }

    @AfterAll
    static void stop() {
        System.out.println("Hostile requests per category (tried / got through):");
        COUNTS.forEach((category, n) -> System.out.printf("  %-22s %d / %d%n", category, n[0], n[1]));
        peek.close();
        node.close();
    }

    // ---- oversized

    @Test
    void aBodyOverTheLimitGetsACalm413AndTheConnectionIsNotHung() {
        String token = csrfFrom(new Browser(node).page(NEW));
        Map<String, String> before = peek.contentsButTheOutboxs();
        byte[] body = ("csrf=" + token + "&title=Huge&body=" + "y".repeat(1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        RawHttp.Response sent = RawHttp.send(node.port(), postHead(NEW, body.length, ""), body, 15_000);
        check("oversized", () -> sent.status() == 413 && !sent.timedOut() && sent.body().contains("<h1"));

        // A body that promises 100 MB and never comes: answered at once, not waited for.
        long start = System.nanoTime();
        RawHttp.Response promised = RawHttp.send(node.port(), postHead(NEW, 100L * 1024 * 1024, ""),
                "csrf=x".getBytes(StandardCharsets.US_ASCII), 15_000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        check("oversized", () -> promised.status() == 413 && !promised.timedOut());
        assertTrue(millis < 10_000, "answered in " + millis + " ms");

        // Chunked, so the length is only known once it is too late.
        StringBuilder chunked = new StringBuilder();
        String piece = "z".repeat(32 * 1024);
        chunked.append(Integer.toHexString(("csrf=" + token + "&body=").length())).append("\r\n")
                .append("csrf=").append(token).append("&body=").append("\r\n");
        for (int i = 0; i < 20; i++) {
            chunked.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        byte[] head = ("POST " + NEW + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked")
                .getBytes(StandardCharsets.US_ASCII);
        RawHttp.Response streamed = RawHttp.send(node.port(), head, chunked.toString().getBytes(StandardCharsets.US_ASCII),
                15_000);
        check("oversized", () -> streamed.status() == 413 && !streamed.timedOut());
        assertEquals(before, peek.contentsButTheOutboxs(), "nothing was stored");
        assertEquals(200, new Browser(node).get("/").statusCode(), "the node still answers");
    }

    @Test
    void aWarningOverItsLimitIsRefusedWithHerWordsKept() {
        Browser ana = new Browser(node);
        Map<String, String> fields = Browser.fields(csrfFrom(ana.page(NEW)), "Warned", "Body.", "usual");
        String warning = "w".repeat(101);
        fields.put("contentWarning", warning);
        HttpResponse<String> response = ana.postForm(NEW, fields);
        Document page = Browser.html(response);
        check("oversized", () -> response.statusCode() == 400
                && warning.equals(page.selectFirst("form.compose input[name=contentWarning]").val())
                && "Body.".equals(page.selectFirst("form.compose textarea[name=body]").wholeText()));
    }

    @Test
    void aReportNoteOverItsLimitIsRefusedWithHerWordsKept() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Report me", "A post to report.");
        Browser bea = new Browser(node);
        String postId = Browser.posts(bea.page(thread)).getFirst().id().substring(2);
        String report = thread + "/p/" + postId + "/report";
        String note = "n".repeat(2001);
        Map<String, String> before = peek.contentsButTheOutboxs();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrfFrom(bea.page(report)));
        fields.put("reason", "spam");
        fields.put("comment", note);
        HttpResponse<String> response = bea.postForm(report, fields);
        Document page = Browser.html(response);
        check("oversized", () -> response.statusCode() == 400
                && note.equals(page.selectFirst("form.report textarea[name=comment]").wholeText())
                && page.select(".problems").text().contains("2,000"));
        assertEquals(before, peek.contentsButTheOutboxs(), "no report was filed with a cut note");
    }

    @Test
    void aVeryLongSearchIsCutNotRefused() {
        HttpResponse<String> response = new Browser(node).get("/search?q=" + "a".repeat(10_000));
        check("oversized", () -> response.statusCode() == 200
                && Browser.html(response).selectFirst("input[name=q]").val().length() <= 500);
    }

    // ---- invalid UTF-8

    @Test
    void invalidUtf8InAFormIsACalm400AndNothingIsStored() {
        String token = csrfFrom(new Browser(node).page(NEW));
        Map<String, String> before = peek.contentsButTheOutboxs();
        List<byte[]> titles = List.of(
                ascii("%C3%28"), ascii("%FF%FE"), ascii("%C0%AF"), ascii("%ED%A0%80"), ascii("%E2%82"),
                ascii("%F8%88%80%80%80"), new byte[] {'a', (byte) 0xff, 'b'}, new byte[] {(byte) 0xc3},
                ascii("%zz"), ascii("abc%"));
        for (byte[] title : titles) {
            byte[] body = concat(ascii("csrf=" + token + "&title="), title, ascii("&body=Fine&pseudonym=usual"));
            RawHttp.Response r = RawHttp.send(node.port(), postHead(NEW, body.length, ""), body, 15_000);
            check("invalid UTF-8", () -> r.status() == 400 && r.body().contains("<h1") && !r.body().contains("Exception"));
        }
        assertEquals(before, peek.contentsButTheOutboxs(), "nothing was stored");
    }

    @Test
    void invalidUtf8InAnAddressIsACalm400() {
        for (String target : List.of("/search?q=%FF", "/search?q=%E2%82", "/search?q=%C0%AF", "/c/%FF",
                "/c/everyday/t/%ED%A0%80", "/static/%C3%28", "/language/%FF?back=/", "/language/es?back=/%FF")) {
            RawHttp.Response r = RawHttp.get(node.port(), target);
            check("invalid UTF-8", () -> r.status() == 400 && r.body().contains("<h1"));
        }
        byte[] raw = concat(ascii("GET /search?q="), new byte[] {(byte) 0xff, (byte) 0xfe},
                ascii(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"));
        RawHttp.Response r = RawHttp.send(node.port(), raw, new byte[0], 15_000);
        check("invalid UTF-8", () -> r.status() == 400);
    }

    // ---- bidi overrides and zero-width characters

    @Test
    void aTitleOrBodyOfOnlyInvisibleCharactersIsEmpty() {
        String invisible = "\u202E\u200B\u2066\u200D\u2069\u200F \u3164\uFEFF";
        Browser ana = new Browser(node);
        HttpResponse<String> title = ana.postForm(NEW, Browser.fields(csrfFrom(ana.page(NEW)), invisible, "Body.", "usual"));
        check("bidi / zero-width", () -> title.statusCode() == 400
                && Browser.html(title).select(".problems").text().contains("Please give your thread a title"));
        HttpResponse<String> body = ana.postForm(NEW, Browser.fields(csrfFrom(ana.page(NEW)), "Title", invisible, "usual"));
        check("bidi / zero-width", () -> body.statusCode() == 400
                && Browser.html(body).select(".problems").text().contains("Please write something"));
    }

    @Test
    void bidiOverridesAreIsolatedWhereverHerTextIsShown() {
        String title = "\u202Egnp.exe Reversed\u200B title qzbidi";
        String body = "Body \u202Eqzbidi desrever\u2066 and \u200Dzero width.";
        Browser ana = new Browser(node);
        Map<String, String> fields = Browser.fields(csrfFrom(ana.page(NEW)), title, body, "\u202Eevil");
        fields.put("contentWarning", "\u202Eqzbidi warning\u2067");
        String thread = Browser.seeOther(ana.postForm(NEW, fields));
        Browser.seeOther(ana.postForm(thread + "/reply",
                Browser.fields(csrfFrom(ana.page(thread)), null, "\u202Eqzbidi reply", "usual")));
        Moderators.add(node, "bidimod", true);
        Browser mod = Moderators.signedIn(node, "bidimod");
        String postId = Browser.posts(ana.page(thread)).getFirst().id().substring(2);

        for (String page : List.of(thread, "/c/everyday", "/mine")) {
            checkIsolated(ana.page(page), page);
        }
        checkIsolated(ana.searchFinding("qzbidi", 1), "/search?q=qzbidi");
        checkIsolated(mod.page("/mod/posts/" + postId), "/mod/posts");
        Element pseudonym = Browser.posts(ana.page(thread)).getFirst().selectFirst(".who");
        check("bidi / zero-width", () -> Browser.PSEUDONYM.matcher(pseudonym.text()).matches());
        String warning = ana.page(thread).selectFirst("details.cw .cw-text").text();
        check("bidi / zero-width", () -> !warning.contains("\u202E") && !warning.contains("\u2067"));
    }

    /** Every text node with the marker sits inside an element that isolates its direction. */
    private static void checkIsolated(Document page, String where) {
        List<TextNode> texts = new ArrayList<>();
        page.body().traverse((n, depth) -> {
            if (n instanceof TextNode t && t.text().contains("qzbidi")) {
                texts.add(t);
            }
        });
        assertFalse(texts.isEmpty(), where + " shows her text");
        for (TextNode t : texts) {
            check("bidi / zero-width", () -> {
                for (Element e = t.parent() instanceof Element p ? p : null; e != null && !e.tagName().equals("body");
                     e = e.parent()) {
                    if (e.tagName().equals("bdi") || e.hasAttr("dir") || e.tagName().equals("input")
                            || e.tagName().equals("textarea")) {
                        return true;
                    }
                }
                System.out.println("not isolated on " + where + ": " + t.parent());
                return false;
            });
        }
    }

    // ---- path traversal

    @Test
    void pathTraversalFindsNothingOutside() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Traversal", "Here.");
        String[] targets = {
            "/static/../pom.xml", "/static/..%2f..%2fpom.xml", "/static/%2e%2e%2f%2e%2e%2fpom.xml",
            "/static/%2e%2e/hearth.css", "/static/hearth.css%00.png", "/static/%00", "/static/..%5c..%5cpom.xml",
            "/static/%252e%252e%252fpom.xml", "/static//etc/passwd", "/static/....//....//etc/passwd",
            "/static/..%c0%af..%c0%afetc/passwd", "/static/hearth.css/..", "/c/..%2f..%2fetc/t/x", "/c/%2e%2e",
            "/c/everyday%00", "/c/everyday/t/..%2f..%2f..%2fetc%2fpasswd", thread + "/p/..%2f..%2fx/edit",
            thread + "/p/%00/report", thread + "%2f..%2f..", "/c/..%2fhearth.yaml/feed.atom",
            "/c/everyday/t/%2e%2e%2f%2e%2e/feed.atom", "/u/..%2f..%2fhearth.yaml", "/language/..%2f..%2fetc%2fpasswd",
            "/c/everyday/t/..;/..;/etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.well-known/../../etc/passwd"};
        for (String target : targets) {
            RawHttp.Response r = RawHttp.get(node.port(), target);
            boolean refused = (r.status() == 404 || r.status() == 400) && outsideNotShown(r.body());
            if (!refused) {
                System.out.println("traversal " + target + " answered " + r.status() + ": " + r.body());
            }
            check("path traversal", () -> refused);
        }
        Moderators.add(node, "walker", true);
        Browser mod = Moderators.signedIn(node, "walker");
        for (String target : List.of("/mod/posts/..%2f..%2fetc%2fpasswd", "/mod/posts/%00", "/mod/bans/..%2f/lift")) {
            HttpResponse<String> r = mod.get(target);
            check("path traversal", () -> r.statusCode() == 404 && outsideNotShown(r.body()));
        }
    }

    private static boolean outsideNotShown(String body) {
        // The switcher's links echo the path she asked for, so look for what files hold, not for names.
        return !body.contains("root:") && !body.contains("<project") && !body.contains("<modelVersion")
                && !body.contains("crisisResources") && !body.contains("Exception");
    }

    // ---- header injection

    @Test
    void redirectTargetsCarryNoInjectedLines() {
        for (String back : List.of("/%0d%0aSet-Cookie:%20evil=1", "/%0aLocation:%20https://evil.example",
                "/%0d%0a%0d%0a<script>alert(1)</script>", "//evil.example", "/%5cevil.example", "https://evil.example",
                "/%2f/evil.example", "%0d%0a/", "/%E2%80%A8x", "/%C4%8D%C4%8Aevil:1", "/%09evil")) {
            RawHttp.Response r = RawHttp.get(node.port(), "/language/es?back=" + back);
            check("header injection", () -> {
                List<String> location = r.header("Location");
                boolean clean = r.status() == 303 && location.size() == 1 && location.getFirst().startsWith("/")
                        && !location.getFirst().startsWith("//") && !location.getFirst().contains("evil")
                        && r.header("Set-Cookie").stream().noneMatch(c -> c.contains("evil"));
                if (!clean) {
                    System.out.println("back=" + back + " answered " + r.status() + " " + r.headers());
                }
                return clean;
            });
        }
        RawHttp.Response search = RawHttp.get(node.port(), "/search?q=a%0d%0aSet-Cookie:%20evil=1");
        check("header injection", () -> search.header("Set-Cookie").stream().noneMatch(c -> c.contains("evil")));
        RawHttp.Response circle = RawHttp.get(node.port(), "/c/everyday%0d%0aSet-Cookie:%20evil=1");
        check("header injection", () -> circle.status() == 404 && circle.header("Set-Cookie").isEmpty());
    }

    @Test
    void aForgedHostChangesNoLink() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Hosts", "Where am I?");
        for (String target : List.of("/", "/c/everyday", thread, "/c/everyday/feed.atom", thread + "/feed.atom",
                "/mod/login", "/language/es?back=/", "/.well-known/nodeinfo", "/c/everyday/new")) {
            for (String[] forged : List.of(new String[] {"Host: evil.example"},
                    new String[] {"X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https"},
                    new String[] {"Forwarded: host=evil.example;proto=https"})) {
                byte[] head = ("GET " + target + " HTTP/1.1\r\n"
                        + (forged[0].startsWith("Host:") ? "" : "Host: 127.0.0.1:" + node.port() + "\r\n")
                        + String.join("\r\n", forged) + "\r\nConnection: close").getBytes(StandardCharsets.US_ASCII);
                RawHttp.Response r = RawHttp.send(node.port(), head, new byte[0], 15_000);
                check("header injection", () -> r.status() > 0 && !r.body().contains("evil.example")
                        && r.headers().stream().noneMatch(h -> h.contains("evil.example")));
            }
        }
    }

    // ---- helpers

    private static synchronized void check(String category, BooleanSupplier held) {
        boolean ok = held.getAsBoolean();
        int[] n = COUNTS.computeIfAbsent(category, c -> new int[2]);
        n[0]++;
        if (!ok) {
            n[1]++;
        }
        assertTrue(ok, category + ": a hostile input got through (see the output above)");
    }

    private static byte[] postHead(String path, long length, String extra) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + extra)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
