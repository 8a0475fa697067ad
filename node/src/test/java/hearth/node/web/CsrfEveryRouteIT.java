package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import hearth.node.HearthNode;
import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Cross-site request forgery on every state-changing route the real router has (issue 8,
 * "Hostile input through the page"). Each route is sent the form its own page makes, forged five
 * ways: with no token, with a wrong token, with another session's token, and with a valid token
 * but from another site ({@code Sec-Fetch-Site: cross-site} or {@code same-site}). Each forgery
 * must leave the database exactly as it was and set no cookie; then the honest request is sent
 * and must change something, so the check could fail. A route the router has and this table
 * lacks fails {@link #everyStateChangingRouteIsCovered()}.
 */
class CsrfEveryRouteIT {

    private static final String[] CROSS_SITE = {"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"};
    private static final String[] SAME_SITE = {"Origin", "https://other.127.0.0.1.example", "Sec-Fetch-Site", "same-site"};
    /** What Chromium sends with her own forms (Origin is null under Referrer-Policy: no-referrer). */
    private static final String[] SAME = {"Sec-Fetch-Site", "same-origin", "Origin", "null"};
    /** Server-to-server routes: signed with HTTP Signatures, never sent with a cookie, not forms. */
    private static final Set<String> SIGNED_NOT_FORMS = Set.of("POST /inbox", "POST /c/:circle/inbox",
            "POST /u/:pseudonym/inbox", "POST /actor/inbox");

    private static TestNode node;
    private static DatabasePeek peek;
    private static Visit her;
    private static Visit other;
    private static Visit leaving;
    private static Visit newcomer;
    private static Visit mod;
    private static Visit otherMod;
    private static Visit endingMod;
    private static String thread;
    private static String herPost;
    private static String otherPost;
    private static final Map<String, int[]> COUNTS = new TreeMap<>();

    @BeforeAll
    static void seed() {
        node = TestNode.start();
        peek = new DatabasePeek(node);
        Moderators.add(node, "maya", true);
        Moderators.add(node, "noor", true);
        her = new Visit(node);
        other = new Visit(node);
        leaving = new Visit(node);
        newcomer = new Visit(node);
        thread = startThread(her, "everyday", "Forged forms", "Mine.");
        herPost = reply(her, thread, "Her reply.");
        otherPost = reply(other, thread, "Another woman's reply.");
        reply(leaving, thread, "I will leave soon.");
        mod = signIn("maya");
        otherMod = signIn("noor");
        endingMod = signIn("maya");
        honest(mod, "/mod/blocks", "/mod/blocks", Map.of("domain", "spam.example"));
        honest(mod, "/mod/blocks", "/mod/blocks/actors", Map.of("actor", "https://spam.example/users/troll"));
        honest(mod, "/mod/blocklists", "/mod/blocklists/sources",
                Map.of("url", "https://lists.example/blocklist.json", "trust", "1"));
        String victim = reply(other, thread, "To be banned.");
        honest(mod, "/mod/posts/" + victim, "/mod/posts/" + victim + "/ban", Map.of("reason", "Threats"));
    }

    @AfterAll
    static void stop() {
        System.out.println("CSRF per route (tried / got through):");
        COUNTS.forEach((route, n) -> System.out.printf("  %-45s %d / %d%n", route, n[0], n[1]));
        int tried = COUNTS.values().stream().mapToInt(n -> n[0]).sum();
        int through = COUNTS.values().stream().mapToInt(n -> n[1]).sum();
        System.out.printf("CSRF total: %d routes, %d forged requests, %d got through%n", COUNTS.size(), tried, through);
        peek.close();
        node.close();
    }

    /** One state-changing route: who sends it, from which page, and whether the honest request shows. */
    private record Case(String route, Visit owner, Visit stranger, String strangerPage, String page, String action,
                        Map<String, String> overrides, boolean control) {
    }

    private static List<Case> cases() {
        String p = thread + "/p/";
        return List.of(
                author("POST /c/:circle/new", "/c/everyday/new", "/c/everyday/new",
                        Map.of("title", "Forged", "body", "Forged body."), true),
                author("POST /c/:circle/t/:thread/reply", thread, thread + "/reply", Map.of("body", "Forged."), true),
                author("POST /c/:circle/t/:thread/p/:post/edit", p + herPost + "/edit", p + herPost + "/edit",
                        Map.of("body", "Edited by a forger."), true),
                author("POST /c/:circle/t/:thread/p/:post/report", p + otherPost + "/report",
                        p + otherPost + "/report", Map.of("reason", "spam"), true),
                author("POST /c/:circle/t/:thread/p/:post/react", thread + "?r=" + otherPost,
                        p + otherPost + "/react", Map.of("kind", "support"), true),
                author("POST /preferences", "/preferences", "/preferences", Map.of("collapse", "loss"), true),
                author("POST /me/restore", "/me/restore", "/me/restore", Map.of("phrase", "not a phrase"), false),
                author("POST /c/:circle/t/:thread/p/:post/delete", p + herPost + "/delete", p + herPost + "/delete",
                        Map.of(), true),
                new Case("POST /me/forget", leaving, other, thread, "/me/forget", "/me/forget", Map.of(), true),
                new Case("POST /mod/login", newcomer, null, null, "/mod/login", "/mod/login",
                        Map.of("name", "maya", "password", Moderators.PASSWORD), true),
                console("POST /mod/posts/:post/:action", "/mod/posts/" + otherPost, "/mod/posts/" + otherPost + "/remove",
                        Map.of("reason", "Forged removal"), true),
                console("POST /mod/threads/:thread/:action", "/mod/posts/" + otherPost, "/mod/threads/", Map.of(), true),
                console("POST /mod/bans/:ban/lift", "/mod/bans", "/mod/bans/", Map.of(), true),
                console("POST /mod/circles/:circle", "/mod/circles", "/mod/circles/everyday",
                        Map.of("policy", "hold-all"), true),
                console("POST /mod/second-factor", "/mod/second-factor", "/mod/second-factor",
                        Map.of("code", "123456"), false),
                console("POST /mod/blocks", "/mod/blocks", "/mod/blocks", Map.of("domain", "forged.example"), true),
                console("POST /mod/blocks/lift", "/mod/blocks", "/mod/blocks/lift", Map.of(), true),
                console("POST /mod/blocks/actors", "/mod/blocks", "/mod/blocks/actors",
                        Map.of("actor", "https://forged.example/users/x"), true),
                console("POST /mod/blocks/actors/lift", "/mod/blocks", "/mod/blocks/actors/lift", Map.of(), true),
                console("POST /mod/blocks/import", "/mod/blocks", "/mod/blocks/import",
                        Map.of("csv", "#domain,#severity\nimported.example,suspend"), true),
                console("POST /mod/blocklists/sources", "/mod/blocklists", "/mod/blocklists/sources",
                        Map.of("url", "https://forged.example/list.json", "trust", "1"), true),
                console("POST /mod/blocklists/sources/:id/trust", "/mod/blocklists", "/mod/blocklists/sources/*/trust",
                        Map.of("trust", "0.5"), true),
                console("POST /mod/blocklists/policy", "/mod/blocklists", "/mod/blocklists/policy",
                        Map.of("max_new", "7"), true),
                console("POST /mod/blocklists/refresh", "/mod/blocklists", "/mod/blocklists/refresh", Map.of(), false),
                console("POST /mod/blocklists/reviews/:id/approve", "/mod/blocklists", null, Map.of(), false),
                console("POST /mod/blocklists/reviews/:id/reject", "/mod/blocklists", null, Map.of(), false),
                console("POST /mod/blocklists/sources/:id/remove", "/mod/blocklists", "/mod/blocklists/sources/*/remove",
                        Map.of(), true),
                new Case("POST /mod/logout", endingMod, otherMod, "/mod", "/mod", "/mod/logout", Map.of(), true));
    }

    private static Case author(String route, String page, String action, Map<String, String> overrides,
                               boolean control) {
        return new Case(route, her, other, thread, page, action, overrides, control);
    }

    private static Case console(String route, String page, String action, Map<String, String> overrides,
                                boolean control) {
        return new Case(route, mod, otherMod, "/mod", page, action, overrides, control);
    }

    @Test
    void everyStateChangingRouteIsCovered() {
        Set<String> changing = new TreeSet<>();
        for (String line : router().routeTable()) {
            String method = line.substring(0, line.indexOf(' '));
            if (Set.of("POST", "PUT", "PATCH", "DELETE", "ANY").contains(method) && !line.equals("ANY /")) {
                changing.add(line);
            }
        }
        changing.removeAll(SIGNED_NOT_FORMS);
        changing.removeIf(line -> line.startsWith("ANY ") && line.endsWith("/inbox"));
        Set<String> covered = new TreeSet<>();
        cases().forEach(c -> covered.add(c.route()));
        Set<String> missing = new TreeSet<>(changing);
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "state-changing routes with no forgery check here: add a Case for each");
        assertTrue(changing.size() >= 25, "the router was read: " + changing);
    }

    @TestFactory
    Stream<DynamicTest> everyForgeryIsRefusedAndChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(dynamicTest(c.route() + " · forged four ways, then honest", () -> forgeAndCheck(c)));
        }
        tests.add(dynamicTest("GET /language/:tag · from another site sets no cookie", () -> {
            HttpResponse<String> response = newcomer.get("/language/es?back=/", CROSS_SITE);
            count("GET /language/:tag", response.headers().allValues("Set-Cookie").isEmpty() ? 0 : 1);
            assertEquals(303, response.statusCode());
            assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
            assertTrue(newcomer.get("/language/es?back=/", SAME).headers().firstValue("Set-Cookie").isPresent(),
                    "her own switcher still works");
        }));
        return tests.stream();
    }

    private static void forgeAndCheck(Case c) {
        Document page = c.owner().page(c.page());
        Element form = c.action() == null ? null : page.select("form[action]").stream()
                .filter(f -> f.attr("action").matches(c.action().replace("*", "[^/]+")
                        + (c.action().endsWith("/") ? ".*" : "")))
                .findFirst().orElse(null);
        String path;
        Map<String, String> fields;
        if (form == null) {
            assertTrue(c.action() == null, () -> "no form posting to " + c.action() + " on " + c.page());
            // No pending review to show a form for: the route is forged with the page's own token.
            path = c.route().substring(5).replace(":id", "1");
            fields = new LinkedHashMap<>(Map.of("csrf", page.selectFirst("input[name=csrf]").val()));
        } else {
            path = form.attr("action");
            fields = new LinkedHashMap<>(Visit.formFields(page, path));
        }
        fields.putAll(c.overrides());
        String token = fields.get("csrf");
        assertTrue(token != null && !token.isEmpty(), "the form carries a token");

        Map<String, String> none = new LinkedHashMap<>(fields);
        none.remove("csrf");
        refused(c, path, none);
        for (String wrong : List.of("", "k.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a.1.AAAA", token + "x")) {
            refused(c, path, with(fields, wrong));
        }
        if (c.stranger() != null) {
            String theirs = c.stranger().page(c.strangerPage()).selectFirst("input[name=csrf]").val();
            assertNotEquals(token, theirs, "two sessions, two tokens");
            refused(c, path, with(fields, theirs));
        }
        refused(c, path, fields, CROSS_SITE);
        refused(c, path, fields, SAME_SITE);

        if (c.control()) {
            Map<String, String> before = quiet();
            HttpResponse<String> honest = c.owner().postForm(path, fields, SAME);
            boolean changed = !before.equals(quiet()) || !honest.headers().allValues("Set-Cookie").isEmpty();
            assertTrue(changed, () -> "the honest request to " + c.route() + " changed nothing ("
                    + honest.statusCode() + " " + honest.headers().firstValue("Location").orElse("")
                    + "), so this check proves nothing");
        }
    }

    private static void refused(Case c, String path, Map<String, String> fields, String... headers) {
        Map<String, String> before = quiet();
        HttpResponse<String> response = c.owner().postForm(path, fields, headers);
        boolean through = !before.equals(quiet()) || !response.headers().allValues("Set-Cookie").isEmpty()
                || response.statusCode() >= 500;
        count(c.route(), through ? 1 : 0);
        assertTrue(response.statusCode() < 500, () -> c.route() + " failed: " + response.statusCode());
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"), c.route() + " set a cookie");
        assertEquals(before, quiet(), () -> c.route() + " changed the database on a forged request " + fields.keySet());
    }

    private static synchronized void count(String route, int through) {
        int[] n = COUNTS.computeIfAbsent(route, r -> new int[2]);
        n[0]++;
        n[1] += through;
    }

    /**
     * The database once nothing is writing to it. Federation's own mirror of local posts (actor
     * keys, federated copies, its cursor) is left out: it follows earlier honest posts in the
     * background, and a forged post that got through would show in {@code post} anyway; so are
     * a blocklist source's fetch times and errors.
     */
    private static Map<String, String> quiet() {
        Map<String, String> last = contents();
        for (int i = 0; i < 20; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Map<String, String> now = contents();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static Map<String, String> contents() {
        Map<String, String> all = peek.contentsButTheOutboxs();
        // A blocklist source records its fetch attempts in the background: compare what a moderator set.
        all.put("blocklist_source", String.join("\n",
                peek.strings("SELECT id || ' ' || url || ' ' || kind || ' ' || trust FROM blocklist_source ORDER BY id")));
        return all;
    }

    private static Map<String, String> with(Map<String, String> fields, String token) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put("csrf", token);
        return copy;
    }

    // ---- seeding through the pages' own forms

    private static String startThread(Visit v, String circle, String title, String body) {
        String form = "/c/" + circle + "/new";
        HttpResponse<String> r = honest(v, form, form, Map.of("title", title, "body", body));
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static String reply(Visit v, String threadPath, String body) {
        HttpResponse<String> r = honest(v, threadPath, threadPath + "/reply", Map.of("body", body));
        return Browser.postId(r.headers().firstValue("Location").orElseThrow());
    }

    private static HttpResponse<String> honest(Visit v, String page, String action, Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Visit.formFields(v.page(page), action));
        fields.putAll(overrides);
        HttpResponse<String> r = v.postForm(action, fields, SAME);
        assertEquals(303, r.statusCode(), () -> "POST " + action + " should succeed: " + r.body());
        return r;
    }

    private static Visit signIn(String name) {
        Visit v = new Visit(node);
        honest(v, "/mod/login", "/mod/login", Map.of("name", name, "password", Moderators.PASSWORD));
        return v;
    }

    /** The running node behind the test node, to read its real router. */
    private static HearthNode router() {
        try {
            var field = TestNode.class.getDeclaredField("node");
            field.setAccessible(true);
            return (HearthNode) field.get(node);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestNode keeps its HearthNode in a field named node", e);
        }
    }
}
