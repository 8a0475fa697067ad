package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Her author cookie is only ever sent over TLS when the node is published on https. */
class SecureCookieIT {

    @Test
    void behindHttpsTheAuthorCookieIsSecure() {
        try (TestNode node = TestNode.startBehind("https://hearth.example")) {
            String cookie = firstPostCookie(node);
            assertTrue(cookie.contains("Secure"), cookie);
            assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Strict"), cookie);
        }
    }

    @Test
    void onPlainHttpTheCookieCannotBeSecureOrTheBrowserWouldDropIt() {
        try (TestNode node = TestNode.start()) {
            assertFalse(firstPostCookie(node).contains("Secure"));
        }
    }

    private static String firstPostCookie(TestNode node) {
        Browser her = new Browser(node);
        String csrf = Browser.csrfFrom(her.page("/c/perinatal/new"));
        HttpResponse<String> posted = her.postForm("/c/perinatal/new",
                Browser.fields(csrf, "A title", "Some words", "usual"));
        assertEquals(303, posted.statusCode());
        return posted.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(Visitor.COOKIE + "=")).findFirst().orElseThrow();
    }
}
