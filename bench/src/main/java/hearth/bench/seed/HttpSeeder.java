package hearth.bench.seed;

import hearth.bench.ForumText;
import hearth.bench.http.Browser;
import hearth.bench.http.HttpConnection;
import hearth.bench.http.HttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a running node through its own forms, as women posting would: each of a few
 * browsers gets its author cookie on her first post and posts under her usual pseudonym.
 * Slow (every post is committed to disk before the next), so for a few hundred posts; see
 * {@link SqliteSeeder} for a million.
 *
 * <pre>{@code
 * try (HttpSeeder seeder = new HttpSeeder("127.0.0.1", node.port(), 42, 10)) {
 *     String thread = seeder.thread(seeder.circles().getFirst(), 50);  // "/c/perinatal/t/01J..."
 * }
 * }</pre>
 *
 * Not thread-safe.
 */
public final class HttpSeeder implements AutoCloseable {

    private static final Pattern CIRCLE_LINK = Pattern.compile("href=\"/c/([a-z0-9-]+)\"");

    private final HttpConnection connection;
    private final List<Browser> browsers = new ArrayList<>();
    private final ForumText text;
    private int turn;
    private int posts;

    /**
     * @param authors how many browsers (so authors and pseudonyms) take turns posting
     */
    public HttpSeeder(String host, int port, long seed, int authors) {
        this.connection = new HttpConnection(host, port);
        this.text = new ForumText(seed);
        for (int i = 0; i < authors; i++) {
            browsers.add(new Browser(connection, host + ":" + port));
        }
    }

    /** The node's circles, as its home page lists them. */
    public List<String> circles() throws IOException {
        HttpResponse home = browsers.getFirst().get("/");
        expect(home, 200, "GET /");
        Matcher m = CIRCLE_LINK.matcher(home.bodyText());
        LinkedHashSet<String> names = new LinkedHashSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            throw new IOException("the home page links to no circle");
        }
        return List.copyOf(names);
    }

    /** Starts a thread in {@code circle} with {@code replies} replies; returns its path. */
    public String thread(String circle, int replies) throws IOException {
        String newThread = "/c/" + circle + "/new";
        Map<String, String> opening = new LinkedHashMap<>();
        opening.put("title", text.title());
        opening.put("body", text.opening());
        opening.put("pseudonym", "usual");
        HttpResponse started = next().submit(newThread, newThread, opening);
        expect(started, 303, "POST " + newThread);
        posts++;
        String path = started.header("Location");
        if (path == null || !path.startsWith("/c/" + circle + "/t/")) {
            throw new IOException("a new thread led to " + path);
        }
        for (int i = 0; i < replies; i++) {
            HttpResponse replied = next().submit(path, path + "/reply", Map.of("body", text.reply(), "pseudonym", "usual"));
            expect(replied, 303, "POST " + path + "/reply");
            posts++;
        }
        return path;
    }

    /**
     * Starts {@code count} threads, taking the circles in turn, each with up to
     * {@code maxReplies} replies (seeded); returns their paths.
     */
    public List<String> threads(List<String> circles, int count, int maxReplies) throws IOException {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            paths.add(thread(circles.get(i % circles.size()), text.nextInt(maxReplies + 1)));
        }
        return paths;
    }

    /** Posts made so far (openings and replies). */
    public int posts() {
        return posts;
    }

    private Browser next() {
        Browser browser = browsers.get(turn);
        turn = (turn + 1) % browsers.size();
        return browser;
    }

    private static void expect(HttpResponse response, int status, String what) throws IOException {
        if (response.status() != status) {
            String body = response.bodyText();
            throw new IOException(what + " answered " + response.status() + " instead of " + status + ": "
                    + body.substring(0, Math.min(body.length(), 500)));
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
