package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.HearthNode;
import hearth.node.TestNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page language over HTTP: chosen from Accept-Language among the node's languages, switched
 * with the footer's links (a cookie set only then), never redirecting off the node; and text a
 * member wrote right to left shown right to left inside an English page.
 */
class LanguageIT {

    private static final String SPANISH_BROWSER = "es-ES,es;q=0.9";
    private static final String ARABIC_TITLE = "لا أستطيع النوم منذ الولادة";
    private static final String ARABIC_BODY = "أشعر بالتعب طوال الوقت ولا أعرف ماذا أفعل.";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static TestNode node;
    private static String thread;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        thread = new Browser(node).startThread("perinatal", ARABIC_TITLE, ARABIC_BODY);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    // ---- chosen from the browser's languages

    @Test
    void aSpanishBrowserGetsTheHomePageInSpanish() {
        Document home = page("/", SPANISH_BROWSER, null);
        assertEquals("es", home.selectFirst("html").attr("lang"));
        assertEquals("Círculos", home.selectFirst("main h2").text());
        assertEquals("Ir al contenido", home.selectFirst("a.skip").text());
    }

    @Test
    void aSpanishBrowserGetsACircleInSpanish() {
        Document circle = page("/c/perinatal", SPANISH_BROWSER, null);
        assertEquals("es", circle.selectFirst("html").attr("lang"));
        assertEquals("Empezar una conversación", circle.selectFirst("main a.button").text());
    }

    @Test
    void aSpanishBrowserGetsAThreadInSpanish() {
        Document page = page(thread, SPANISH_BROWSER, null);
        assertEquals("es", page.selectFirst("html").attr("lang"));
        assertEquals("Responder", page.selectFirst("#reply-heading").text());
        assertEquals("Publicar respuesta", page.selectFirst("form.compose button[type=submit]").text());
    }

    @Test
    void aSpanishBrowserGetsDatesInSpanish() {
        Element time = page(thread, SPANISH_BROWSER, null).selectFirst("ol.posts time");
        Instant at = Instant.parse(time.attr("datetime"));
        String spanish = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.forLanguageTag("es"))
                .withZone(ZoneOffset.UTC).format(at);
        assertEquals(spanish, time.text());
    }

    @Test
    void aSpanishBrowserGetsTheComposeFormInSpanish() {
        Document compose = page("/c/perinatal/new", SPANISH_BROWSER, null);
        assertEquals("Empezar una conversación en Pregnancy and after birth", compose.selectFirst("main h1").text());
        assertEquals("¿Qué te ronda la cabeza?", compose.selectFirst("label[for=body]").text());
    }

    @Test
    void aSpanishBrowserGetsTheErrorPageInSpanish() {
        HttpResponse<String> missing = get("/c/nowhere", SPANISH_BROWSER, null);
        assertEquals(404, missing.statusCode());
        Document page = Jsoup.parse(missing.body());
        assertEquals("es", page.selectFirst("html").attr("lang"));
        assertEquals("No encontramos esa página", page.selectFirst("main h1").text());
    }

    @Test
    void aBrowserSpeakingNoOfferedLanguageGetsTheNodeDefault() {
        Document home = page("/", "fr", null);
        assertEquals("en", home.selectFirst("html").attr("lang"));
        assertEquals("Circles", home.selectFirst("main h2").text());
    }

    @Test
    void readingSetsNoLanguageCookie() {
        assertTrue(get("/", SPANISH_BROWSER, null).headers().allValues("set-cookie").isEmpty());
    }

    // ---- switched with the footer's links

    @Test
    void theSwitcherComesBackToThePageSheIsOn() {
        Element spanish = page("/c/perinatal", null, null).selectFirst("footer nav.languages a[hreflang=es]");
        assertNotNull(spanish, "the footer offers Spanish");
        assertEquals("Español", spanish.text());
        assertEquals("/language/es?back=" + URLEncoder.encode("/c/perinatal", StandardCharsets.UTF_8),
                spanish.attr("href"));
    }

    @Test
    void switchingSetsACookieAndComesBack() {
        HttpResponse<String> switched = get("/language/es?back=/c/perinatal", null, null);
        assertEquals(303, switched.statusCode());
        assertEquals("/c/perinatal", switched.headers().firstValue("location").orElseThrow());
        String cookie = switched.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith(Languages.COOKIE + "=es"), cookie);
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"), cookie);

        Document circle = page("/c/perinatal", null, cookie.substring(0, cookie.indexOf(';')));
        assertEquals("es", circle.selectFirst("html").attr("lang"));
        assertEquals("Empezar una conversación", circle.selectFirst("main a.button").text());
    }

    @Test
    void herChoiceOutranksHerBrowser() {
        Document home = page("/", SPANISH_BROWSER, Languages.COOKIE + "=en");
        assertEquals("en", home.selectFirst("html").attr("lang"));
    }

    @Test
    void switchingNeverLeadsToAnotherSiteByProtocolRelativeAddress() {
        assertEquals("/", switchBackTo("//evil.example"));
    }

    @Test
    void switchingNeverLeadsToAnotherSiteByFullAddress() {
        assertEquals("/", switchBackTo("https://evil.example"));
    }

    @Test
    void switchingNeverLeadsToAnotherSiteByBackslash() {
        assertEquals("/", switchBackTo("/\\evil.example"));
    }

    @Test
    void anUnknownLanguageIsNotFound() {
        HttpResponse<String> answer = get("/language/fr?back=/", null, null);
        assertEquals(404, answer.statusCode());
        assertEquals("We couldn't find that page", Jsoup.parse(answer.body()).selectFirst("main h1").text());
        assertTrue(answer.headers().allValues("set-cookie").isEmpty());
    }

    @Test
    void aNodeSpeakingOnlyEnglishShowsNoSwitcher() throws IOException {
        Path config = Files.createTempFile(TestNode.freshDataFolder(), "english-only", ".yaml");
        Files.writeString(config, exampleConfig().replace("languages: [en, es]", "languages: [en]"));
        try (HearthNode english = HearthNode.start(new HearthNode.Settings(0, "127.0.0.1",
                TestNode.freshDataFolder(), config, null))) {
            URI home = URI.create("http://127.0.0.1:" + english.port() + "/");
            Document page = Jsoup.parse(send(home, SPANISH_BROWSER, null).body());
            assertEquals("en", page.selectFirst("html").attr("lang"));
            assertNull(page.selectFirst("nav.languages"));
            assertEquals(404, send(home.resolve("/language/es"), null, null).statusCode());
        }
    }

    // ---- right-to-left text inside a left-to-right page

    @Test
    void anArabicPostsTitleAndBodyFollowTheirOwnDirection() {
        Document page = page(thread, null, null);
        assertEquals("ltr", page.selectFirst("html").attr("dir"));
        Element title = page.selectFirst("main h1");
        assertEquals("auto", title.attr("dir"));
        assertEquals(ARABIC_TITLE, title.text());
        Element body = page.selectFirst("ol.posts .body");
        assertEquals("auto", body.attr("dir"));
        assertEquals(ARABIC_BODY, body.text());
    }

    @Test
    void anArabicTitleFollowsItsOwnDirectionInTheCircle() {
        Element link = page("/c/perinatal", null, null).select("ul.threads a").stream()
                .filter(a -> a.text().equals(ARABIC_TITLE)).findFirst().orElseThrow();
        assertEquals("auto", link.attr("dir"));
    }

    @Test
    void whatSheTypesFollowsItsOwnDirection() {
        Document page = page(thread, null, null);
        assertEquals("auto", page.selectFirst("textarea#body").attr("dir"));
        assertFalse(page.select("ol.posts bdi").isEmpty(), "pseudonyms are isolated from the text around them");
    }

    // ---- helpers

    private static String switchBackTo(String back) {
        HttpResponse<String> switched = get("/language/es?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8),
                null, null);
        assertEquals(303, switched.statusCode());
        return switched.headers().firstValue("location").orElseThrow();
    }

    private static Document page(String path, String acceptLanguage, String cookie) {
        HttpResponse<String> response = get(path, acceptLanguage, cookie);
        assertEquals(200, response.statusCode(), () -> "GET " + path);
        return Jsoup.parse(response.body());
    }

    private static HttpResponse<String> get(String path, String acceptLanguage, String cookie) {
        return send(node.url(path), acceptLanguage, cookie);
    }

    private static HttpResponse<String> send(URI uri, String acceptLanguage, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String exampleConfig() throws IOException {
        try (InputStream in = LanguageIT.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            assertNotNull(in, "the bundled example configuration");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
