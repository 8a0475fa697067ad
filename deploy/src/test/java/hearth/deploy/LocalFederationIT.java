package hearth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs deploy/local-federation.sh as a reader of the README would (built node, seeding on), then
 * checks from outside: a thread seeded on A is on B, the container's health check passes against a
 * node, and SIGTERM (what Ctrl-C's trap does) stops all three nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalFederationIT {

    /** Three node starts, seeding and two federation round trips on a loaded 2-core machine. */
    private static final Duration READY = Duration.ofSeconds(480);
    private static final Duration STOPPED = Duration.ofSeconds(60);

    private static Process script;
    private static Path log;
    private static int basePort;

    @BeforeAll
    static void startTheFederation() throws Exception {
        assertTrue(Files.isRegularFile(Repo.root().resolve(NodeSurface.JAR)), "run mvn package first (mvn verify does)");
        Tools.require("curl");
        basePort = threeFreePorts();
        Path dir = Repo.scratch("federation");
        log = dir.resolve("script.log");
        ProcessBuilder builder = new ProcessBuilder(Repo.deploy("local-federation.sh").toString(),
                "--base-port", String.valueOf(basePort), "--dir", dir.resolve("nodes").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The build is Maven's job here; the launcher must run what it built.
        builder.environment().put("HEARTH_NO_BUILD", "1");
        script = builder.start();
        long deadline = System.nanoTime() + READY.toNanos();
        while (!Files.readString(log).contains("READY")) {
            if (!script.isAlive()) {
                fail("the script ended with " + script.exitValue() + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                fail("not ready within " + READY.toSeconds() + " s:\n" + Files.readString(log));
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopTheFederation() throws InterruptedException {
        if (script != null && script.isAlive()) {
            script.destroy();
            if (!script.waitFor(STOPPED.toSeconds(), TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void aThreadSeededOnAIsOnBUnderAsCircle() throws Exception {
        String remoteCircle = "/c/perinatal@127.0.0.1:" + basePort;
        HttpResponse<String> page = get(basePort + 1, remoteCircle);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Night feeds and no sleep"), page.body());
        String printed = Files.readString(log);
        assertTrue(printed.contains("http://127.0.0.1:" + (basePort + 1) + remoteCircle), printed);
    }

    @Test
    @Order(2)
    void theContainersHealthCheckPassesAgainstARunningNodeAndFailsWithoutOne() throws Exception {
        String check = Containerfile.read().runtimeStage().last("HEALTHCHECK");
        List<String> command = Containerfile.execForm(check.substring(check.indexOf("CMD") + 3));
        String port = NodeSurface.env("--port");
        assertEquals(0, run(command, Map.of(port, String.valueOf(basePort))), "node A is up");
        assertNotEquals(0, run(command, Map.of(port, String.valueOf(threeFreePorts()))), "nothing listens there");
    }

    @Test
    @Order(3)
    void sigtermStopsTheScriptAndAllThreeNodes() throws Exception {
        script.destroy();
        assertTrue(script.waitFor(STOPPED.toSeconds(), TimeUnit.SECONDS), "the script did not stop");
        for (int port = basePort; port < basePort + 3; port++) {
            assertTrue(portIsFree(port), "a node still listens on " + port);
        }
        assertTrue(Files.readString(log).contains("Stopping the nodes"));
    }

    private static int run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the health check did not finish within 30 s");
        }
        return process.exitValue();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * A port N such that N, N+1 and N+2 are free now, below Linux's ephemeral range (32768 and up),
     * where the nodes' own outgoing connections could take one before its node binds it.
     */
    private static int threeFreePorts() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (portIsFree(port) && portIsFree(port + 1) && portIsFree(port + 2)) {
                return port;
            }
        }
        throw new IllegalStateException("no three free ports in a row");
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
