package hearth.bench.node;

import hearth.bench.ForumText;
import hearth.bench.http.HttpResponse;
import hearth.bench.http.Requests;
import hearth.bench.load.RequestScript;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One browser posting as fast as the node acknowledges: nine replies in its current thread,
 * then a new thread, and so on, every post a form POST with her author cookie and the
 * anti-forgery token bound to it, each answered by a 303 once committed. Not thread-safe.
 */
final class PostingScript implements RequestScript {

    private static final int REPLIES_PER_THREAD = 9;

    private final String host;
    private final String circle;
    private final String cookie;
    private final String token;
    private final ForumText text;
    private String thread;
    private int replies;
    private boolean startingThread;
    private long acknowledged;

    /**
     * @param thread her current thread's path, "/c/NAME/t/ID"
     * @param cookie her Cookie header
     * @param token  the anti-forgery token bound to her author key
     */
    PostingScript(String host, String circle, String thread, String cookie, String token, long seed) {
        this.host = host;
        this.circle = circle;
        this.thread = thread;
        this.cookie = cookie;
        this.token = token;
        this.text = new ForumText(seed);
    }

    @Override
    public byte[] next() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", token);
        startingThread = replies >= REPLIES_PER_THREAD;
        if (startingThread) {
            form.put("title", text.title());
            form.put("body", text.opening());
            form.put("pseudonym", "usual");
            return Requests.postForm(host, "/c/" + circle + "/new", cookie, form);
        }
        form.put("body", text.reply());
        form.put("pseudonym", "usual");
        return Requests.postForm(host, thread + "/reply", cookie, form);
    }

    @Override
    public boolean accept(HttpResponse response) {
        if (response.status() != 303) {
            return false;
        }
        acknowledged++;
        if (startingThread) {
            String location = response.header("Location");
            if (location == null || !location.startsWith("/c/" + circle + "/t/")) {
                return false;
            }
            thread = location;
            replies = 0;
        } else {
            replies++;
        }
        return true;
    }

    /** Posts the node acknowledged (303) to this browser. */
    long acknowledged() {
        return acknowledged;
    }
}
