package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.store.Database;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;

/** Moderators for tests: accounts made in the node's store, and a browser signed in to the console. */
final class Moderators {

    static final String PASSWORD = "correct horse battery staple";

    private Moderators() {
    }

    /** Creates a moderator the way the admin command does. */
    static void add(TestNode node, String name, boolean admin, String... circles) {
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            db.write(c -> {
                ModeratorAccounts.createOrUpdate(c, name, PASSWORD.toCharArray(), admin, List.of(circles),
                        System.currentTimeMillis());
                return null;
            });
        }
    }

    /** A browser signed in to the console as {@code name}. */
    static Browser signedIn(TestNode node, String name) {
        Browser browser = new Browser(node);
        HttpResponse<String> answer = signIn(browser, name, PASSWORD, null);
        assertEquals("/mod", Browser.seeOther(answer));
        return browser;
    }

    static HttpResponse<String> signIn(Browser browser, String name, String password, String code) {
        Document form = browser.page("/mod/login");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", Browser.csrfFrom(form));
        fields.put("name", name);
        fields.put("password", password);
        if (code != null) {
            fields.put("code", code);
        }
        return browser.postForm("/mod/login", fields);
    }

    /** Posts one of the console's forms on a post (approve, remove, restore, dismiss, ban). */
    static HttpResponse<String> act(Browser moderator, String postId, String action, String... nameValues) {
        Document page = moderator.page("/mod/posts/" + postId);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", Browser.csrfFrom(page));
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            fields.put(nameValues[i], nameValues[i + 1]);
        }
        return moderator.postForm("/mod/posts/" + postId + "/" + action, fields);
    }

    static HttpResponse<String> actOnThread(Browser moderator, String postId, String threadId, String action) {
        Document page = moderator.page("/mod/posts/" + postId);
        return moderator.postForm("/mod/threads/" + threadId + "/" + action,
                Map.of("csrf", Browser.csrfFrom(page)));
    }
}
