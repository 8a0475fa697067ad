package hearth.node.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Light pages for a cheap phone on a slow line: a thread with 50 replies weighs under 60 KB of HTML
 * before compression, and no page asks anything of another origin (no web fonts, no third-party
 * styles, scripts or images), whatever the posts link to. The figures go to
 * {@code target/light-pages.txt}.
 */
class LightPagesIT {

    /** The budget, before compression: 60 KB read strictly, as 60,000 bytes rather than 61,440. */
    static final int BUDGET = 60_000;
    static final int REPLIES = 50;
    /** The error page is a page too. */
    static final String NOT_FOUND = "/c/nowhere";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)");
    private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+(?:url\\()?\\s*['\"]?([^'\")\\s;]+)");
    /** Elements whose address the browser fetches by itself, and the attribute holding it. */
    private static final List<String[]> FETCHED = List.of(
            new String[] {"link[href]", "href"}, new String[] {"script[src]", "src"}, new String[] {"img[src]", "src"},
            new String[] {"img[srcset]", "srcset"}, new String[] {"source[src]", "src"},
            new String[] {"source[srcset]", "srcset"}, new String[] {"iframe[src]", "src"},
            new String[] {"video[src]", "src"}, new String[] {"video[poster]", "poster"},
            new String[] {"audio[src]", "src"}, new String[] {"embed[src]", "src"}, new String[] {"object[data]", "data"},
            new String[] {"input[type=image][src]", "src"}, new String[] {"[background]", "background"});

    private static TestNode node;
    private static String thread;

    @BeforeAll
    static void seed() {
        node = TestNode.start();
        thread = new Browser(node).startThread("perinatal", "The first weeks with a newborn and no sleep",
                reply(0));
        for (int i = 1; i <= REPLIES; i++) {
            // A browser each: fifty women, fifty pseudonyms.
            new Browser(node).reply(thread, reply(i));
        }
        new Browser(node).reply(thread, "Pictures never load here: ![a pixel](https://tracker.example/p.png) "
                + "<img src=\"https://tracker.example/raw.png\"> <iframe src=\"https://tracker.example/\"></iframe>");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** About 400 characters of Markdown, as a reply in a support thread reads: emphasis, a link or two. */
    static String reply(int i) {
        return "I remember those weeks so well, and I want you to know it *does* get easier, even if it doesn't "
                + "feel like it right now. What helped me most was sharing the night with my partner in shifts, "
                + "and letting the **dishes** wait. The [NHS page on sleep](https://www.nhs.uk/baby/sleep/) was "
                + "useful, and so was [this support line](https://www.example.org/helpline). Please be gentle "
                + "with yourself today. Reply number " + i + ".";
    }

    @Test
    void aThreadWithFiftyRepliesWeighsUnderSixtyKilobytes() throws IOException {
        HttpResponse<byte[]> page = get(thread);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Encoding").isEmpty(), "measured before compression");
        Document html = Jsoup.parse(new String(page.body(), UTF_8), node.url(thread).toString());
        assertEquals(REPLIES + 2, Browser.posts(html).size(), "the opening post and every reply are on the page");

        long htmlBytes = page.body().length;
        long assetBytes = 0;
        for (URI asset : sameOriginAssets(html)) {
            HttpResponse<byte[]> answer = get(asset.getRawPath());
            assertEquals(200, answer.statusCode(), asset.toString());
            assetBytes += answer.body().length;
        }
        String figures = "thread page with %d replies: HTML %d bytes (budget %d); HTML + its CSS and JS %d bytes"
                .formatted(REPLIES, htmlBytes, BUDGET, htmlBytes + assetBytes);
        System.out.println(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "light-pages.txt"), figures + "\n");
        Files.write(Path.of("target", "light-pages-thread.html"), page.body());
        assertTrue(htmlBytes < BUDGET, figures);
        // HTML with its CSS and JS is reported, not held to the budget: the node's stylesheet and
        // quick-exit script alone are about 13 KB, and a browser keeps them for an hour, so the
        // second page she opens costs its HTML only.
        assertTrue(assetBytes > 0, "the page's own stylesheet was measured");
    }

    @Test
    void noMainPageAsksAnotherOriginForAnything() {
        for (String path : mainPages()) {
            HttpResponse<byte[]> answer = get(path);
            assertEquals(path.equals(NOT_FOUND) ? 404 : 200, answer.statusCode(), path);
            Document html = Jsoup.parse(new String(answer.body(), UTF_8),
                    node.url(path).toString());
            for (String[] kind : FETCHED) {
                for (Element element : html.select(kind[0])) {
                    for (String address : addresses(element.attr(kind[1]), kind[1])) {
                        URI target = node.url(path).resolve(address.strip());
                        assertTrue(sameOrigin(target), path + ": " + element.outerHtml() + " asks another origin");
                    }
                }
            }
            for (Element styled : html.select("[style]")) {
                assertNoForeignUrl(path + " style attribute", styled.attr("style"));
            }
            for (Element style : html.select("style")) {
                assertNoForeignUrl(path + " <style>", style.data());
            }
        }
    }

    @Test
    void stylesheetsUseNoWebFontsAndNothingFromElsewhere() {
        Set<URI> assets = new LinkedHashSet<>();
        for (String path : mainPages()) {
            assets.addAll(sameOriginAssets(Jsoup.parse(new String(get(path).body(),
                    UTF_8), node.url(path).toString())));
        }
        assertFalse(assets.isEmpty(), "the pages have the node's own stylesheet");
        for (URI asset : assets) {
            String text = new String(get(asset.getRawPath()).body(), UTF_8);
            if (asset.getPath().endsWith(".css")) {
                assertFalse(text.toLowerCase(Locale.ROOT).contains("@font-face"), asset + " loads a web font");
                assertNoForeignUrl(asset.toString(), text);
            }
        }
    }

    @Test
    void aPictureInAPostIsShownAsItsDescriptionNotFetched() {
        Document html = Jsoup.parse(new String(get(thread).body(), UTF_8));

        Element post = Browser.posts(html).getLast();
        assertTrue(post.select("img, iframe, [src], [srcset]").isEmpty(), post.outerHtml());
        assertTrue(post.selectFirst(".body").text().startsWith("Pictures never load here: a pixel"),
                post.selectFirst(".body").text());
    }

    // ---- helpers

    private static List<String> mainPages() {
        String circle = thread.substring(0, thread.indexOf("/t/"));
        return List.of("/", circle, thread, circle + "/new", "/search?q=sleep", "/about", "/mine", "/safety", "/help",
                NOT_FOUND);
    }

    /** The node's own CSS and JavaScript a page makes the browser load. */
    private static Set<URI> sameOriginAssets(Document html) {
        Set<URI> out = new LinkedHashSet<>();
        List<String> addresses = new ArrayList<>();
        html.select("link[rel~=(?i)stylesheet|preload|modulepreload][href]").forEach(l -> addresses.add(l.attr("href")));
        html.select("script[src]").forEach(s -> addresses.add(s.attr("src")));
        for (String address : addresses) {
            URI target = node.url("/").resolve(address);
            if (sameOrigin(target)) {
                out.add(target);
            }
        }
        return out;
    }

    private static List<String> addresses(String value, String attribute) {
        if (!attribute.equals("srcset")) {
            return List.of(value);
        }
        List<String> out = new ArrayList<>();
        for (String candidate : value.split(",")) {
            String[] parts = candidate.strip().split("\\s+");
            if (!parts[0].isEmpty()) {
                out.add(parts[0]);
            }
        }
        return out;
    }

    private static void assertNoForeignUrl(String where, String css) {
        for (Pattern pattern : List.of(CSS_URL, CSS_IMPORT)) {
            Matcher m = pattern.matcher(css);
            while (m.find()) {
                String address = m.group(1).strip();
                if (address.startsWith("data:") || address.startsWith("#")) {
                    continue;
                }
                assertTrue(sameOrigin(node.url("/static/").resolve(address)), where + " refers to " + address);
            }
        }
    }

    private static boolean sameOrigin(URI target) {
        URI home = node.url("/");
        return home.getScheme().equalsIgnoreCase(target.getScheme())
                && home.getHost().equalsIgnoreCase(target.getHost()) && home.getPort() == target.getPort();
    }

    /** A plain GET, as a browser that accepts no compression makes it. */
    private static HttpResponse<byte[]> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(node.url(path)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
