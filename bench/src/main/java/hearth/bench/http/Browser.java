package hearth.bench.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does with the node's forms, and no more: it keeps the cookies the node
 * sets, and takes the anti-forgery token from a form page before posting. After her first
 * post the node gives her an author cookie, and tokens are then bound to it, so the browser
 * fetches a form again whenever its cookies changed since it last read a token.
 *
 * <pre>{@code
 * Browser her = new Browser(connection, "127.0.0.1:8080");
 * HttpResponse r = her.submit("/c/everyday/new", "/c/everyday/new", Map.of("title", "Hello", "body", "..."));
 * // r.status() == 303, r.header("Location") is the new thread
 * }</pre>
 *
 * <p>Not thread-safe; several browsers may share one connection if used from one thread.
 */
public final class Browser {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpConnection connection;
    private final String host;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String token;
    private String tokenCookies;

    public Browser(HttpConnection connection, String host) {
        this.connection = connection;
        this.host = host;
    }

    /** GETs a page with this browser's cookies, keeping the body. */
    public HttpResponse get(String path) throws IOException {
        HttpResponse response = connection.exchange(Requests.get(host, path, cookieHeader()), true);
        keepCookies(response);
        return response;
    }

    /**
     * Posts a form with the anti-forgery token, reading the token from {@code formPage} first
     * if this browser has none that fits its cookies. The response is returned as it is (a 303
     * is not followed).
     */
    public HttpResponse submit(String formPage, String action, Map<String, String> fields) throws IOException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf", token(formPage));
        HttpResponse response = connection.exchange(Requests.postForm(host, action, cookieHeader(), form), true);
        keepCookies(response);
        return response;
    }

    /** A token that fits the current cookies, read from {@code formPage} if needed. */
    public String token(String formPage) throws IOException {
        String current = cookieHeader();
        if (token == null || !current.equals(tokenCookies)) {
            HttpResponse page = get(formPage);
            if (page.status() != 200) {
                throw new IOException("GET " + formPage + " answered " + page.status());
            }
            Matcher m = TOKEN.matcher(page.bodyText());
            if (!m.find()) {
                throw new IOException("no anti-forgery token in " + formPage);
            }
            token = m.group(1);
            tokenCookies = cookieHeader();
        }
        return token;
    }

    /** The Cookie header this browser sends ("" when it has none). */
    public String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> {
            if (!header.isEmpty()) {
                header.append("; ");
            }
            header.append(name).append('=').append(value);
        });
        return header.toString();
    }

    private void keepCookies(HttpResponse response) {
        for (String set : response.headers("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                boolean expired = set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                if (expired || value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }
}
