package hearth.node.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.activity.Activity;
import hearth.federation.activity.Create;
import hearth.federation.activity.Follow;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import hearth.federation.object.Note;
import hearth.federation.object.Page;
import hearth.federation.signature.CavageSigner;
import hearth.node.HearthNode;
import hearth.node.TestNode;
import hearth.node.process.ForumClient;
import java.io.IOException;
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
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;

/**
 * What the blocks tests start from: a node in this JVM that may talk to loopback (optionally with
 * a configuration of the test's own), a remote server with {@code ana} on it, a thread a local
 * woman opened in {@code perinatal}, and the ways another server reaches the node: signed
 * activities to its inbox. {@link #settle()} returns once the inbox has worked through everything
 * accepted before it (a follow from an unblocked server, answered with an Accept, is the marker).
 * Not thread-safe: one test at a time.
 */
final class BlockBed implements AutoCloseable {

    static final Duration SOON = Duration.ofSeconds(20);
    private static final URI PUBLIC = URI.create(Fields.PUBLIC);

    final Path data = TestNode.freshDataFolder();
    final RemoteServer remote = RemoteServer.start();
    final RemoteServer.Person ana = remote.person("ana");
    private final RemoteServer marker = RemoteServer.start();
    private final RemoteServer.Person porter = marker.person("porter");
    final HearthNode node;
    final String threadPath;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** @param federation the configuration's {@code federation:} section as YAML lines, or null for the bundled one */
    BlockBed(String federation) {
        node = HearthNode.start(new HearthNode.Settings(0, "127.0.0.1", data, config(federation), null, true));
        try (ForumClient woman = new ForumClient(url("/"), ForumClient.newJar())) {
            ForumClient.Answer opened = woman.startThread("perinatal", "Tired all the time",
                    "Six weeks in and I cannot keep my eyes open.", "usual");
            assertTrue(opened.acknowledged(), opened.describe());
            threadPath = "/c/perinatal/t/" + opened.threadId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    BlockBed() {
        this(null);
    }

    /** The bundled example with the test's federation section in place of its own. */
    private Path config(String federation) {
        if (federation == null) {
            return null;
        }
        try (var in = HearthNode.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            String example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int at = example.indexOf("\nfederation:");
            String yaml = (at < 0 ? example : example.substring(0, at)) + "\nfederation:\n" + federation + "\n";
            Path file = data.resolve("hearth.yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    ConsoleBrowser admin() {
        return ConsoleBrowser.signIn(url("/"), data, "maya", true, List.of());
    }

    // ---- what another server sends

    /**
     * A reply by {@code author} in the local thread. It is dated a second ahead (the node takes the
     * arrival time for a date in the future): a date cut to the second could fall before the
     * opening post's own time, and a thread page takes its first post by time as the opening one.
     */
    Note reply(RemoteServer.Person author, String text) {
        URI thread = url(threadPath);
        return new Note(author.newId("notes"), author.id(), url("/c/perinatal"), URI.create(thread + "/context"),
                thread, "<p>" + text + "</p>", null, Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS),
                null, false, null,
                List.of(PUBLIC), List.of(url("/c/perinatal")));
    }

    /** A new thread by {@code author} in the local circle {@code perinatal}. */
    Page thread(RemoteServer.Person author, String title, String text) {
        URI id = author.newId("pages");
        return new Page(id, author.id(), url("/c/perinatal"), id, title, "<p>" + text + "</p>", null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), null, false, null, List.of(PUBLIC),
                List.of(url("/c/perinatal")));
    }

    Create create(RemoteServer.Person author, hearth.federation.object.Post post) {
        return new Create(author.newId("activities"), author.id(), post, post.to(), post.cc());
    }

    /** Posts the activity to circle {@code perinatal}'s inbox, signed by {@code signer}; returns the status. */
    int send(Activity activity, RemoteServer.Person signer) {
        return send(Json.bytes(activity.toJson()), signer);
    }

    int send(byte[] body, RemoteServer.Person signer) {
        URI inbox = url("/c/perinatal/inbox");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/activity+json");
        headers.putAll(CavageSigner.sign("POST", inbox, "application/activity+json", body, signer.keyId(),
                signer.rsa().getPrivate(), Instant.now()));
        HttpRequest.Builder request = HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return call(request.build()).statusCode();
    }

    /** Returns once every activity accepted before this call has been processed. */
    void settle() {
        URI followId = porter.newId("follows");
        assertEquals(202, send(new Follow(followId, porter.id(), url("/c/everyday")), porter));
        eventually(SOON, "the marker follow is accepted", () -> marker.delivered("Accept").stream()
                .anyMatch(r -> r.body().path("object").path("id").asText().equals(followId.toString())));
    }

    // ---- what readers see

    HttpResponse<String> get(String path, String accept) {
        return call(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(15)).header("Accept", accept)
                .GET().build());
    }

    /** The visible text of a page, as a reader without cookies sees it. */
    String text(String path) {
        HttpResponse<String> response = get(path, "text/html");
        assertEquals(200, response.statusCode(), "GET " + path);
        return Jsoup.parse(response.body()).select("main").text();
    }

    /** The path of the thread with this title on circle {@code perinatal}'s page. */
    String threadLink(String title) {
        return Jsoup.parse(get("/c/perinatal", "text/html").body()).select("a[href*=/t/]").stream()
                .filter(a -> a.text().contains(title)).findFirst().orElseThrow().attr("href");
    }

    String search(String words) {
        return text("/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void eventually(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("within " + limit.toSeconds() + " s: " + what);
    }

    @Override
    public void close() {
        http.close();
        node.close();
        remote.close();
        marker.close();
    }
}
