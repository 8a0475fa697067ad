package hearth.node.federation;

import hearth.node.federation.FaultScenario.Row;
import hearth.node.federation.FaultyReceiver.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of a {@link FaultScenario}, printed and written to
 * {@code target/faulty-receivers.txt}: per kind of receiver, how many deliveries, how many
 * attempts, how they ended, how long the longest took and the last error; the healthy server's
 * delivery latency; page latency before and during the faults. Stateless.
 */
final class FaultFigures {

    static final Path FILE = Path.of("target", "faulty-receivers.txt");

    private FaultFigures() {
    }

    static void write(FaultScenario run) {
        String text = render(run);
        System.out.println(text);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(FaultScenario run) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Faulty receivers: %d followers, %d posts; retry from %d ms doubling"
                        + " to %d ms, given up past %d ms of waiting; %d s per attempt%n", Kind.values().length,
                FaultScenario.POSTS, FaultScenario.FIRST_RETRY_MS, FaultScenario.LONGEST_WAIT_MS,
                FaultScenario.GIVE_UP_AFTER_MS, FaultScenario.TIMEOUT_S));
        out.append(String.format(Locale.ROOT, "%-14s %10s %8s %-24s %11s  %s%n", "receiver", "deliveries",
                "attempts", "outcome", "longest (s)", "last error"));
        for (Kind kind : Kind.values()) {
            List<Row> rows = run.rowsOf(kind);
            Map<String, Long> states = rows.stream().collect(Collectors.groupingBy(Row::state, TreeMap::new,
                    Collectors.counting()));
            long longest = rows.stream().filter(r -> r.finishedAt() != null)
                    .mapToLong(r -> r.finishedAt() - r.createdAt()).max().orElse(-1);
            String error = rows.stream().map(Row::error).filter(e -> e != null).findFirst().orElse("-");
            out.append(String.format(Locale.ROOT, "%-14s %10d %8d %-24s %11.1f  %s%n",
                    kind.name().toLowerCase(Locale.ROOT), rows.size(), rows.stream().mapToLong(Row::attempts).sum(),
                    states.toString(), longest / 1000.0, error));
        }
        FaultyReceiver healthy = run.receiver(Kind.HEALTHY);
        List<Long> latencies = run.posts.stream().map(post -> healthy.arrivals().stream()
                .filter(a -> a.body().contains(post.text().substring(0, 17)))
                .mapToLong(a -> a.at() - post.sentAt()).min().orElse(-1)).sorted().toList();
        out.append(String.format(Locale.ROOT, "healthy server, each post from her sending it to its arrival (ms):"
                + " %s%n", latencies));
        out.append(String.format(Locale.ROOT, "endless body: %.1f MiB sent in all; trickle: %d bytes; the node hung up"
                        + " on the slow server %d times (it answered after 30 s %d times) and on the silent one %d%n",
                run.receiver(Kind.ENDLESS_BODY).bodyBytesSent() / 1048576.0, run.receiver(Kind.TRICKLE).bodyBytesSent(),
                run.receiver(Kind.SLOW).hangUps(), run.receiver(Kind.SLOW).lateAnswers(),
                run.receiver(Kind.SILENT).hangUps()));
        out.append(String.format(Locale.ROOT, "thread page, one reader: before the faults %d requests, p50 %.1f ms,"
                        + " p99 %.1f ms; during the faults (%.0f s) %d requests, p50 %.1f ms, p99 %.1f ms; failed %d%n",
                run.before.count(), run.before.p50(), run.before.p99(), run.faultMillis / 1000.0, run.during.count(),
                run.during.p50(), run.during.p99(), run.before.failures() + run.during.failures()));
        run.adminStatus.lines().filter(line -> line.startsWith("deliveries:"))
                .forEach(line -> out.append("hearth admin status: ").append(line).append(System.lineSeparator()));
        return out.toString();
    }
}
