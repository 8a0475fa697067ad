package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.federation.FaultScenario.Row;
import hearth.node.federation.FaultyReceiver.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Receivers that fail (issue 8, federation faults): a circle followed by a healthy server and by
 * servers that are down, slow, silent, answer 500, answer junk or no HTTP at all, redirect to
 * themselves, or send bodies without end. While women post, the healthy server gets each post
 * within seconds, pages answer as quickly as before (loosely), failed deliveries are retried
 * with growing waits, a server that recovers gets its deliveries, and every delivery ends
 * delivered or recorded as given up, none left pending and no attempt outlasting its timeout.
 * The run happens once ({@link FaultScenario}); each test checks one of those promises, and the
 * figures go to {@code target/faulty-receivers.txt}.
 */
class FaultyReceiversIT {

    /** Kinds whose every delivery must end given up. */
    static final Set<Kind> FAILING = EnumSet.of(Kind.DOWN, Kind.SLOW, Kind.SILENT, Kind.ERROR_500, Kind.NOT_HTTP,
            Kind.REDIRECT_LOOP, Kind.ENDLESS_BODY, Kind.TRICKLE);
    /** Each follower gets the Accept of its follow and every post. */
    static final int PER_RECEIVER = 1 + FaultScenario.POSTS;
    /** Loose, for a CI machine shared with other builds; the figures show the usual latency. */
    private static final long HEALTHY_WITHIN_MS = 10_000;

    private static FaultScenario run;

    @BeforeAll
    static void play() throws Exception {
        run = FaultScenario.run();
        FaultFigures.write(run);
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void theHealthyServerGetsEachPostWithinSecondsWhileTheOthersFail() {
        FaultyReceiver healthy = run.receiver(Kind.HEALTHY);
        for (FaultScenario.Post post : run.posts) {
            List<FaultyReceiver.Arrival> got = healthy.arrivals().stream()
                    .filter(a -> a.body().contains(post.text().substring(0, 17))).toList();
            assertEquals(1, got.size(), "delivered once: " + post.text());
            long latency = got.getFirst().at() - post.sentAt();
            assertTrue(latency < HEALTHY_WITHIN_MS, "arrived " + latency + " ms after she posted");
        }
        assertOutcome(Kind.HEALTHY, Deliveries.DELIVERED, 1);
    }

    @Test
    void pagesAnswerAsQuicklyDuringTheFaultsAsBefore() {
        assertEquals(0, run.before.failures() + run.during.failures(), "every page request answered 200");
        assertTrue(run.during.count() >= 100, "sampled during the faults: " + run.during.count());
        double allowed = Math.max(1_000, 5 * run.before.p99());
        assertTrue(run.during.p99() <= allowed, "p99 " + run.during.p99() + " ms during the faults, "
                + run.before.p99() + " ms before (allowed " + allowed + " ms)");
    }

    /**
     * Each retry comes no sooner than its wait (200, 400, 800, 1600 ms, less 10% jitter), and on
     * average over the ten deliveries the last wait is longer than the first by at least half the
     * nominal difference: a busy machine adds about as much delay to every attempt, so it cancels.
     */
    @Test
    void failedDeliveriesAreRetriedWithGrowingWaits() {
        long firstGaps = 0;
        long lastGaps = 0;
        int sequences = 0;
        for (Kind kind : List.of(Kind.ERROR_500, Kind.REDIRECT_LOOP)) {
            for (Map.Entry<String, List<Long>> activity : run.receiver(kind).arrivalTimes().entrySet()) {
                List<Long> at = activity.getValue();
                assertEquals(FaultScenario.ATTEMPTS_BEFORE_GIVING_UP, at.size(), kind + ": attempts at " + at);
                long wait = FaultScenario.FIRST_RETRY_MS;
                for (int i = 1; i < at.size(); i++) {
                    long gap = at.get(i) - at.get(i - 1);
                    assertTrue(gap >= wait * 0.9, kind + ": attempt " + (i + 1) + " came " + gap + " ms after the one"
                            + " before, sooner than the " + wait + " ms wait: " + at);
                    wait = Math.min(wait * 2, FaultScenario.LONGEST_WAIT_MS);
                }
                firstGaps += at.get(1) - at.get(0);
                lastGaps += at.get(at.size() - 1) - at.get(at.size() - 2);
                sequences++;
            }
        }
        long growth = (lastGaps - firstGaps) / sequences;
        long nominal = FaultScenario.LONGEST_WAIT_MS - FaultScenario.FIRST_RETRY_MS;
        assertTrue(growth >= nominal / 2, "the last wait is on average " + growth + " ms longer than the first");
    }

    @Test
    void aServerThatRecoversGetsItsDeliveries() {
        assertOutcome(Kind.RECOVERING, Deliveries.DELIVERED, 3);
        run.receiver(Kind.RECOVERING).arrivalTimes().forEach((id, at) -> assertEquals(3, at.size(), id));
    }

    @Test
    void aTwoHundredWithJunkIsTakenAsDelivered() {
        assertOutcome(Kind.JUNK_200, Deliveries.DELIVERED, 1);
    }

    @Test
    void deliveriesThatRunOutOfRetriesAreRecordedAsGivenUp() {
        for (Kind kind : FAILING) {
            assertOutcome(kind, Deliveries.GAVE_UP, FaultScenario.ATTEMPTS_BEFORE_GIVING_UP);
            for (Row row : run.rowsOf(kind)) {
                assertNotNull(row.error(), kind + ": the last error is recorded");
                assertNotNull(row.finishedAt(), kind + ": when it was given up is recorded");
            }
        }
        int gaveUp = FAILING.size() * PER_RECEIVER;
        assertTrue(run.adminStatus.contains("gave_up=" + gaveUp), run.adminStatus);
        assertTrue(!run.adminStatus.contains("pending="), run.adminStatus);
    }

    @Test
    void noDeliveryIsLeftPending() {
        assertEquals(Kind.values().length * PER_RECEIVER, run.rows.size(), "one row per follower per activity");
        for (Row row : run.rows) {
            assertTrue(row.state().equals(Deliveries.DELIVERED) || row.state().equals(Deliveries.GAVE_UP), row.toString());
        }
    }

    @Test
    void anAttemptEndsAtItsTimeoutHoweverSlowTheServer() {
        for (Kind kind : List.of(Kind.SLOW, Kind.SILENT, Kind.TRICKLE)) {
            for (Row row : run.rowsOf(kind)) {
                assertEquals("timed out", row.error(), kind + ": " + row);
            }
        }
        // The node hung up on every attempt; the slow server never got to answer after its 30 s.
        int attempts = FaultScenario.ATTEMPTS_BEFORE_GIVING_UP * PER_RECEIVER;
        assertEquals(attempts, run.receiver(Kind.SLOW).hangUps());
        assertEquals(0, run.receiver(Kind.SLOW).lateAnswers());
        assertEquals(attempts, run.receiver(Kind.SILENT).hangUps());
        // A byte a second keeps a connection from ever being idle: only the attempt's deadline ends it.
        long most = attempts * (FaultScenario.TIMEOUT_S + 2);
        assertTrue(run.receiver(Kind.TRICKLE).bodyBytesSent() <= most,
                run.receiver(Kind.TRICKLE).bodyBytesSent() + " bytes trickled in " + attempts + " attempts");
    }

    @Test
    void anEndlessBodyIsCutOffAtTheLimit() {
        for (Row row : run.rowsOf(Kind.ENDLESS_BODY)) {
            assertEquals("answer too large", row.error());
        }
        long attempts = run.rowsOf(Kind.ENDLESS_BODY).stream().mapToLong(Row::attempts).sum();
        // What the node read, plus what socket buffers on both sides held when it hung up.
        long most = attempts * (Outbound.MAX_BODY + (8L << 20));
        assertTrue(run.receiver(Kind.ENDLESS_BODY).bodyBytesSent() < most,
                run.receiver(Kind.ENDLESS_BODY).bodyBytesSent() + " bytes sent in " + attempts + " attempts");
    }

    @Test
    void redirectsAreNotFollowed() {
        for (Row row : run.rowsOf(Kind.REDIRECT_LOOP)) {
            assertEquals("answered 302", row.error());
        }
        // Following the redirect would have come back to the same inbox: one request per attempt.
        long attempts = run.rowsOf(Kind.REDIRECT_LOOP).stream().mapToLong(Row::attempts).sum();
        assertEquals(attempts, run.receiver(Kind.REDIRECT_LOOP).arrivals().size());
    }

    private static void assertOutcome(Kind kind, String state, int attempts) {
        List<Row> rows = run.rowsOf(kind);
        assertEquals(PER_RECEIVER, rows.size(), kind + ": " + rows);
        for (Row row : rows) {
            assertEquals(state, row.state(), kind + ": " + row);
            assertEquals(attempts, row.attempts(), kind + ": " + row);
        }
    }
}
