package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.object.ActorType;
import hearth.federation.object.Page;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A followed circle on another server has feeds here too, holding what its page here shows. */
class RemoteCircleFeedIT {

    private static InboxBed bed;
    private static RemoteCircles circles;
    private static String circlePath;
    private static String threadPath;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
        circles = new RemoteCircles(bed.node, bed.poster);
        FakeActor main = bed.remote.actor("main", ActorType.GROUP, "Back at work");
        String name = circles.follow(main);
        Page thread = circles.thread(main, bed.ana, "First week back", "Pumping in a cupboard at work.");
        circles.reply(main, bed.bea, thread, "Ask for a proper room, it is your right.");
        Peers.eventually(InboxBed.SOON, "the remote thread and its reply are kept here",
                () -> circles.threadPath(name, "First week back") != null
                        && circles.seen(circles.threadPath(name, "First week back")).contains("proper room"));
        threadPath = circles.threadPath(name, "First week back");
        circlePath = threadPath.substring(0, threadPath.indexOf("/t/"));
    }

    @AfterAll
    static void stop() {
        circles.close();
        bed.close();
    }

    @Test
    void aFollowedCirclesFeedListsItsThreads() {
        Document feed = feed(circlePath + "/feed.atom");

        Element entry = feed.selectFirst("entry");
        assertNotNull(entry);
        assertEquals("First week back", entry.selectFirst("title").text());
        assertEquals(bed.node.url(threadPath).toString(), entry.selectFirst("link[rel=alternate]").attr("href"));
        assertTrue(entry.selectFirst("content").text().contains("Pumping in a cupboard"));
        String shown = NodeState.page(bed.node, threadPath).selectFirst("li.post .who").text();
        assertEquals(shown, entry.selectFirst("author > name").text(), "the name her page here shows");
    }

    @Test
    void aFollowedCirclesThreadFeedHasItsReplyFirst() {
        Document feed = feed(threadPath + "/feed.atom");

        List<String> texts = feed.select("entry > content").eachText();
        assertEquals(2, texts.size(), texts::toString);
        assertTrue(texts.get(0).contains("proper room"), texts.get(0));
        assertTrue(texts.get(1).contains("Pumping in a cupboard"), texts.get(1));
    }

    @Test
    void aReplyFromAnotherServerIsInALocalThreadsFeed() {
        Document feed = feed(bed.threadPath + "/feed.atom");

        assertTrue(feed.select("entry > content").eachText().stream()
                .anyMatch(t -> t.contains("Ana says it gets easier")), feed.text());
    }

    private static Document feed(String path) {
        HttpResponse<String> answer = NodeState.get(bed.node, path, "application/atom+xml");
        assertEquals(200, answer.statusCode(), path);
        assertEquals("application/atom+xml; charset=utf-8", answer.headers().firstValue("Content-Type").orElse(""));
        return Jsoup.parse(answer.body(), "", Parser.xmlParser());
    }
}
