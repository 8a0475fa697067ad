package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Moderator accounts: made by the operator's command, signed in with a password and optional code. */
class ModeratorSignInIT {

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theAdminCommandMakesAModeratorWhoCanSignIn() throws Exception {
        String output = addModerator(node.data(), "nadia", "a long enough passphrase", "--circle", "perinatal");
        assertTrue(output.contains("Moderator nadia can sign in"), output);

        Browser nadia = new Browser(node);
        HttpResponse<String> in = Moderators.signIn(nadia, "nadia", "a long enough passphrase", null);
        assertEquals("/mod", Browser.seeOther(in));
        String cookie = in.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(ConsoleGate.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        assertTrue(nadia.page("/mod").text().contains("Signed in as nadia"));
    }

    @Test
    void theAdminCommandRefusesAShortPasswordAndAnUnknownCircle() throws Exception {
        assertTrue(addModeratorFails(node.data(), "olga", "short", "--circle", "perinatal")
                .contains("at least 12 characters"));
        assertTrue(addModeratorFails(node.data(), "olga", "a long enough passphrase", "--circle", "knitting")
                .contains("no circle named knitting"));
        assertEquals(401, Moderators.signIn(new Browser(node), "olga", "a long enough passphrase", null)
                .statusCode());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        Moderators.add(node, "petra", false, "perinatal");
        HttpResponse<String> wrong = Moderators.signIn(new Browser(node), "petra", "not the password", null);
        HttpResponse<String> unknown = Moderators.signIn(new Browser(node), "nobody", "not the password", null);
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(Browser.html(wrong).selectFirst(".problems").text(),
                Browser.html(unknown).selectFirst(".problems").text());
        assertEquals("petra", Browser.html(wrong).selectFirst("input[name=name]").val(), "her name stays typed");
    }

    @Test
    void repeatedFailuresMakeHerWaitEvenWithTheRightPassword() {
        Moderators.add(node, "quinn", false, "perinatal");
        for (int attempt = 0; attempt < 6; attempt++) {
            Moderators.signIn(new Browser(node), "quinn", "guess " + attempt, null);
        }
        HttpResponse<String> held = Moderators.signIn(new Browser(node), "quinn", Moderators.PASSWORD, null);
        assertEquals(429, held.statusCode());
        assertTrue(Browser.html(held).text().contains("Too many attempts"));
        Moderators.add(node, "rhea", false, "perinatal");
        assertEquals("/mod", Browser.seeOther(Moderators.signIn(new Browser(node), "rhea", Moderators.PASSWORD,
                null)), "guesses at one name do not lock out another moderator");
    }

    @Test
    void withASecondFactorSheNeedsTheCodeAndACodeWorksOnce() throws Exception {
        Moderators.add(node, "sara", false, "perinatal");
        Browser sara = Moderators.signedIn(node, "sara");
        Document setup = sara.page("/mod/second-factor");
        String secret = setup.selectFirst("code.secret").text();
        assertTrue(setup.selectFirst("a[href^=otpauth://totp/]") != null, "an otpauth link for her app");
        assertEquals(400, sara.postForm("/mod/second-factor",
                Map.of("csrf", Browser.csrfFrom(setup), "code", "000000")).statusCode());
        long step = System.currentTimeMillis() / 30_000;
        Browser.seeOther(sara.postForm("/mod/second-factor",
                Map.of("csrf", Browser.csrfFrom(sara.page("/mod/second-factor")), "code", code(secret, step))));
        assertTrue(sara.page("/mod/second-factor").text().contains("asks for a code"));

        HttpResponse<String> passwordOnly = Moderators.signIn(new Browser(node), "sara", Moderators.PASSWORD, null);
        assertEquals(200, passwordOnly.statusCode());
        assertNotNull(Browser.html(passwordOnly).selectFirst("input[name=code]"), "she is asked for the code");
        assertEquals(401, Moderators.signIn(new Browser(node), "sara", Moderators.PASSWORD, code(secret, step))
                .statusCode(), "the code used to turn it on cannot be used again");
        assertEquals("/mod", Browser.seeOther(Moderators.signIn(new Browser(node), "sara", Moderators.PASSWORD,
                code(secret, step + 1))));
    }

    @Test
    void signingOutEndsTheSession() {
        Moderators.add(node, "tara", false, "perinatal");
        Browser tara = Moderators.signedIn(node, "tara");
        String csrf = Browser.csrfFrom(tara.page("/mod"));
        assertEquals(200, tara.postForm("/mod/logout", Map.of("csrf", csrf)).statusCode());
        assertEquals("/mod/login", Browser.seeOther(tara.get("/mod")));
    }

    @Test
    void onHttpsNodesTheSessionCookieIsSecure() {
        try (TestNode behindTls = TestNode.startBehind("https://hearth.example")) {
            Moderators.add(behindTls, "uma", true);
            HttpResponse<String> in = Moderators.signIn(new Browser(behindTls), "uma", Moderators.PASSWORD, null);
            String cookie = in.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith(ConsoleGate.COOKIE + "=")).findFirst().orElseThrow();
            assertTrue(cookie.toLowerCase().contains("secure"), cookie);
        }
    }

    // ---- helpers

    /** RFC 6238 TOTP (HMAC-SHA1, 6 digits), written here independently of the node's implementation. */
    private static String code(String base32Secret, long step) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char ch : text.replace("=", "").toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static String addModerator(Path data, String name, String password, String... extra) throws Exception {
        Run run = runAdmin(data, name, password, extra);
        assertEquals(0, run.exit, run.output);
        return run.output;
    }

    private static String addModeratorFails(Path data, String name, String password, String... extra)
            throws Exception {
        Run run = runAdmin(data, name, password, extra);
        assertFalse(run.exit == 0, run.output);
        return run.output;
    }

    private record Run(int exit, String output) {
    }

    /** Runs {@code hearth admin add-moderator} as its own process with the password on standard input. */
    private static Run runAdmin(Path data, String name, String password, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "hearth.node.Main", "admin", "add-moderator", name,
                "--data", data.toString()));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("add-moderator did not finish");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
