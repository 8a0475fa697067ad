package hearth.node.federation;

import hearth.node.process.ForumClient;
import hearth.node.process.NodeProcess;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Real node processes that federate over loopback, with what a test needs around them: a fixed
 * port each (so a restarted node keeps its address), the operator's admin command, pages read
 * as a reader sees them, and bounded waiting.
 */
final class Peers {

    static final List<String> LOOPBACK = List.of("--allow-private-addresses");

    private Peers() {
    }

    static Path freshData(String name) {
        try {
            Path root = Path.of("target", "test-nodes").toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NodeProcess start(Path data, String name, int port) {
        return NodeProcess.start(data, name, port, LOOPBACK);
    }

    static String host(NodeProcess node) {
        return "127.0.0.1:" + node.port();
    }

    /** Runs {@code hearth admin ARGS --data DATA} as its own process, as an operator would. */
    static String admin(Path data, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "hearth.node.Main", "admin"));
        command.addAll(List.of(args));
        command.add("--data");
        command.add(data.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("admin " + String.join(" ", args) + " did not finish");
            }
            String output = new String(process.getInputStream().readAllBytes());
            if (process.exitValue() != 0) {
                throw new IllegalStateException("admin " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ForumClient reader(NodeProcess node) {
        return new ForumClient(node.url("/"), ForumClient.newJar());
    }

    static Document page(NodeProcess node, String path) {
        try (ForumClient client = reader(node)) {
            HttpResponse<String> response = client.get(path);
            return response.statusCode() == 200 ? Jsoup.parse(response.body()) : Jsoup.parse("");
        } catch (IOException e) {
            return Jsoup.parse("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The local path of the thread with this title on a circle's page, or null while it is not there. */
    static String threadPath(NodeProcess node, String circle, String title) {
        for (Element link : page(node, "/c/" + circle).select("a[href*=/t/]")) {
            if (link.text().contains(title)) {
                return link.attr("href");
            }
        }
        return null;
    }

    static String json(NodeProcess node, String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(node.url(path)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/activity+json").GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code condition} holds, checking every 200 ms, at most {@code limit}. */
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

    static URI url(NodeProcess node, String path) {
        return node.url(path);
    }
}
