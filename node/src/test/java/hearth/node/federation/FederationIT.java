package hearth.node.federation;

import static hearth.node.federation.Peers.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.process.ForumClient;
import hearth.node.process.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real nodes on loopback, as a group would run them: B and C follow circle
 * {@code perinatal} on A. Threads and replies written on any of them reach the others, under the
 * same pseudonyms; edits and deletions follow; a late follower loads whole threads; a node that
 * was down, or restarted with deliveries pending, gets everything once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {

    private static final Duration SOON = Duration.ofSeconds(20);
    /** The first retry after a failed delivery comes about 30 s later. */
    private static final Duration AFTER_RETRY = Duration.ofSeconds(75);

    private static Path dataA;
    private static Path dataB;
    private static Path dataC;
    private static int portA;
    private static int portB;
    private static int portC;
    private static NodeProcess a;
    private static NodeProcess b;
    private static NodeProcess c;
    private static ForumClient womanOnA;
    private static ForumClient womanOnB;
    private static String threadOnA;
    private static String remoteCircle;

    @BeforeAll
    static void startNodes() {
        dataA = Peers.freshData("fed-a");
        dataB = Peers.freshData("fed-b");
        dataC = Peers.freshData("fed-c");
        portA = NodeProcess.anyFreePort();
        portB = NodeProcess.anyFreePort();
        portC = NodeProcess.anyFreePort();
        a = Peers.start(dataA, "fed-a", portA);
        b = Peers.start(dataB, "fed-b", portB);
        c = Peers.start(dataC, "fed-c", portC);
        womanOnA = Peers.reader(a);
        womanOnB = Peers.reader(b);
        remoteCircle = "perinatal@" + Peers.host(a);
    }

    @AfterAll
    static void stopNodes() {
        for (AutoCloseable closeable : new AutoCloseable[] {womanOnA, womanOnB, a, b, c}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    @Order(1)
    void aFollowedCircleBringsItsThreadsUnderTheSamePseudonyms() throws Exception {
        Peers.admin(dataB, "follow", remoteCircle);
        eventually(SOON, "A counts B as a follower of perinatal",
                () -> Peers.json(a, "/c/perinatal/followers").contains("\"totalItems\":1"));

        ForumClient.Answer posted = womanOnA.startThread("perinatal", "Night feeds and no sleep",
                "The baby wakes every two hours and I am so tired.", "usual");
        assertTrue(posted.acknowledged(), posted.describe());
        threadOnA = "/c/perinatal/t/" + posted.threadId();
        String pseudonym = Peers.page(a, threadOnA).selectFirst("li.post .who").text();

        eventually(SOON, "the thread appears in the circle on B",
                () -> Peers.threadPath(b, remoteCircle, "Night feeds and no sleep") != null);
        String onB = Peers.threadPath(b, remoteCircle, "Night feeds and no sleep");
        Element post = Peers.page(b, onB).selectFirst("li.post");
        assertEquals(pseudonym + " · " + Peers.host(a), post.selectFirst(".who").text());
        assertTrue(post.text().contains("every two hours"), post.text());
    }

    @Test
    @Order(2)
    void aReplyFromBReachesAAndALateFollowerGetsTheWholeThread() throws Exception {
        String onB = Peers.threadPath(b, remoteCircle, "Night feeds and no sleep");
        ForumClient.Answer replied = womanOnB.reply(remoteCircle, onB.substring(onB.lastIndexOf('/') + 1),
                "Same here. It gets better around four months.", "usual");
        assertTrue(replied.acknowledged(), replied.describe());
        eventually(SOON, "B's reply appears on A",
                () -> Peers.page(a, threadOnA).text().contains("It gets better around four months"));

        // C follows only now, and still sees the whole conversation.
        Peers.admin(dataC, "follow", remoteCircle);
        eventually(SOON, "C loads the thread with its reply",
                () -> {
                    String onC = Peers.threadPath(c, remoteCircle, "Night feeds and no sleep");
                    return onC != null && Peers.page(c, onC).text().contains("It gets better around four months");
                });
        String onC = Peers.threadPath(c, remoteCircle, "Night feeds and no sleep");
        assertEquals(2, Peers.page(c, onC).select("li.post").size());

        // From now on, what B writes reaches C through A.
        ForumClient.Answer second = womanOnB.reply(remoteCircle, onB.substring(onB.lastIndexOf('/') + 1),
                "Ask the health visitor about the night feeds too.", "usual");
        assertTrue(second.acknowledged(), second.describe());
        eventually(SOON, "B's second reply reaches C",
                () -> Peers.page(c, onC).text().contains("Ask the health visitor"));
    }

    @Test
    @Order(3)
    void editsAndDeletionsTravelTheSameWay() throws Exception {
        String threadId = threadOnA.substring(threadOnA.lastIndexOf('/') + 1);
        String openingId = Peers.page(a, threadOnA).selectFirst("li.post").id().substring(2);
        ForumClient.Answer edited = womanOnA.edit("perinatal", threadId, openingId, "Night feeds and no sleep",
                "The baby wakes every three hours now, a little better.");
        assertTrue(edited.acknowledged() || edited.status() == 303, edited.describe());
        String onB = Peers.threadPath(b, remoteCircle, "Night feeds and no sleep");
        String onC = Peers.threadPath(c, remoteCircle, "Night feeds and no sleep");
        eventually(SOON, "the edit reaches B and C", () -> Peers.page(b, onB).text().contains("every three hours")
                && Peers.page(c, onC).text().contains("every three hours"));

        String replyId = Peers.page(b, onB).select("li.post").stream()
                .filter(p -> p.text().contains("health visitor")).findFirst().orElseThrow().id().substring(2);
        ForumClient.Answer deleted = womanOnB.delete(remoteCircle, onB.substring(onB.lastIndexOf('/') + 1), replyId);
        assertEquals(303, deleted.status(), deleted.describe());
        eventually(SOON, "the deletion reaches A and C", () -> !Peers.page(a, threadOnA).text().contains("health visitor")
                && !Peers.page(c, onC).text().contains("health visitor"));
    }

    @Test
    @Order(4)
    void aNodeThatWasDownGetsWhatItMissedOnce() throws Exception {
        c.stop();
        String threadId = threadOnA.substring(threadOnA.lastIndexOf('/') + 1);
        ForumClient.Answer replied = womanOnA.reply("perinatal", threadId, "Thank you both, truly.", "usual");
        assertTrue(replied.acknowledged(), replied.describe());
        Thread.sleep(2_000);   // A tries C, fails, and schedules a retry
        c = Peers.start(dataC, "fed-c", portC);
        String onC = Peers.threadPath(c, remoteCircle, "Night feeds and no sleep");
        eventually(AFTER_RETRY, "C gets the reply written while it was down",
                () -> Peers.page(c, onC).text().contains("Thank you both, truly."));
        assertEquals(1, count(Peers.page(c, onC).select("li.post"), "Thank you both, truly."));
    }

    @Test
    @Order(5)
    void aRestartWithDeliveriesPendingLosesNothingAndSendsNothingTwice() throws Exception {
        b.stop();
        String threadId = threadOnA.substring(threadOnA.lastIndexOf('/') + 1);
        ForumClient.Answer replied = womanOnA.reply("perinatal", threadId, "Sleep when the baby sleeps, they say.", "usual");
        assertTrue(replied.acknowledged(), replied.describe());
        Thread.sleep(2_000);
        a.kill9();
        a = Peers.start(dataA, "fed-a", portA);
        womanOnA.close();
        womanOnA = Peers.reader(a);
        b = Peers.start(dataB, "fed-b", portB);
        String onB = Peers.threadPath(b, remoteCircle, "Night feeds and no sleep");
        eventually(AFTER_RETRY, "B gets the reply that was pending when A was killed",
                () -> Peers.page(b, onB).text().contains("Sleep when the baby sleeps"));
        assertEquals(1, count(Peers.page(b, onB).select("li.post"), "Sleep when the baby sleeps"));
    }

    private static long count(List<Element> posts, String text) {
        return posts.stream().filter(p -> p.text().contains(text)).count();
    }
}
