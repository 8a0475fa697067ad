package hearth.bench.federation;

import hearth.bench.process.ChildProcess;
import hearth.bench.process.Processes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's side of a {@link FloodProcess}: launches it, waits until it has signed its
 * activities, and starts and stops its flood. Not thread-safe.
 *
 * <pre>{@code
 * FloodControl flood = FloodControl.launch(processes, node.port(), 500, 32, 3_000);
 * flood.start();
 * flood.awaitLimited(Duration.ofSeconds(60));
 * Flooder.Counts during = flood.stop();
 * }</pre>
 */
final class FloodControl {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ChildProcess process;
    private final int port;

    private FloodControl(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static FloodControl launch(Processes processes, int nodePort, int rate, int connections, int count)
            throws IOException, InterruptedException {
        int port = Processes.freeLoopbackPort();
        ChildProcess process = processes.startJava("flood", FloodProcess.class.getName(), "--node-port",
                Integer.toString(nodePort), "--control-port", Integer.toString(port), "--rate", Integer.toString(rate),
                "--connections", Integer.toString(connections), "--count", Integer.toString(count));
        FloodControl control = new FloodControl(process, port);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                control.counts();
                return control;
            } catch (IOException notYet) {
                if (!process.alive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the flooding process did not come up\n" + process.logTail(30));
                }
                Thread.sleep(100);
            }
        }
    }

    void start() throws IOException, InterruptedException {
        call("POST", "/start");
    }

    /** What the flood has been answered since it was started. */
    Flooder.Counts counts() throws IOException, InterruptedException {
        return parse(call("GET", "/counts"));
    }

    /** Waits until some flooding request has been answered 429: the server's burst is spent. */
    void awaitLimited(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (counts().limited() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the node answered no flooding request 429 within "
                        + limit.toSeconds() + " s: " + counts());
            }
            Thread.sleep(20);
        }
    }

    /** Stops the flood; returns what it was answered in all. */
    Flooder.Counts stop() throws IOException, InterruptedException {
        return parse(call("POST", "/stop"));
    }

    ChildProcess process() {
        return process;
    }

    /** Ends the process (the suite would stop it anyway). */
    void exit() {
        try {
            call("POST", "/exit");
        } catch (IOException | InterruptedException | RuntimeException e) {
            // it is stopped with the benchmark's other processes in any case
        }
        http.close();
    }

    private String call(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(method + " " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static Flooder.Counts parse(String text) {
        String[] f = text.strip().split(" ");
        return new Flooder.Counts(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]));
    }
}
