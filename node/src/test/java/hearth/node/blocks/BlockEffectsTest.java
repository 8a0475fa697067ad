package hearth.node.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Severity;
import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.federation.Follows;
import hearth.node.forum.Draft;
import hearth.node.forum.FederatedPost;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.ForumService;
import hearth.node.forum.PostRef;
import hearth.node.forum.PseudonymChoice;
import hearth.node.forum.RemotePost;
import hearth.node.forum.ThreadSummary;
import hearth.node.store.Backend;
import hearth.node.store.Database;
import hearth.ui.text.PostFormatter;
import hearth.ui.text.PostHtml;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What applying a block does to content already stored: suspension erases, silence hides from listings. */
@ParameterizedClass
@EnumSource(Backend.class)
class BlockEffectsTest {

    @Parameter
    Backend backend;

    private static final String HER = "a".repeat(64);

    private Database db;
    private ForumService forum;
    private FederatedPosts posts;
    private Blocks blocks;
    private PostRef local;

    @BeforeEach
    void open() {
        db = backend.open();
        forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), Clock.systemUTC());
        forum.applyCircles(List.of(new CircleSeed("perinatal", "Pregnancy and after birth", "")));
        posts = new FederatedPosts(db, forum, Clock.systemUTC());
        blocks = new Blocks(db, posts, false, List.of(), Clock.systemUTC());
        local = forum.startThread(HER, "perinatal", new Draft("Tired", "So tired.", PseudonymChoice.USUAL));
    }

    @AfterEach
    void close() {
        blocks.close();
        db.close();
    }

    /** A reply from another server, in the local thread. */
    private String reply(String host, String text) {
        URI author = URI.create("https://" + host + "/users/ana");
        URI id = URI.create("https://" + host + "/notes/" + text.hashCode());
        posts.receive(new RemotePost(id, author, "Ana", "perinatal", local.threadId(), false, "", null, null, null,
                "", PostHtml.alreadyCleaned("<p>" + text + "</p>"), System.currentTimeMillis(), null));
        return posts.postIdByApId(id).orElseThrow();
    }

    /** A new thread in a local circle, opened from another server. */
    private String thread(String host, String title) {
        URI author = URI.create("https://" + host + "/users/bea");
        URI id = URI.create("https://" + host + "/pages/" + title.hashCode());
        posts.receive(new RemotePost(id, author, "Bea", "perinatal", null, true, title, id, id, null, "",
                PostHtml.alreadyCleaned("<p>About " + title + "</p>"), System.currentTimeMillis(), null));
        return posts.post(posts.postIdByApId(id).orElseThrow()).orElseThrow().threadId();
    }

    private List<String> listedTitles() {
        return forum.threads("perinatal", null).items().stream().map(ThreadSummary::title).toList();
    }

    @Test
    void suspendingErasesWhatCameFromThere() {
        String fromThere = reply("bad.example", "cruel words");
        String fromElsewhere = reply("good.example", "kind words");
        blocks.put(DomainBlock.of("bad.example", Severity.SUSPEND), false, null);
        FederatedPost erased = posts.post(fromThere).orElseThrow();
        assertTrue(erased.deleted());
        assertEquals("", erased.html());
        assertFalse(posts.post(fromElsewhere).orElseThrow().deleted());
        assertTrue(forum.shown(List.of(fromThere)).isEmpty());
    }

    @Test
    void suspendingErasesTheThreadsOpenedFromThere() {
        String threadId = thread("bad.example", "Bait");
        blocks.put(DomainBlock.of("bad.example", Severity.SUSPEND), false, null);
        assertFalse(listedTitles().contains("Bait"));
        assertTrue(posts.thread(threadId).getFirst().title().isEmpty());
    }

    @Test
    void suspendingTakesChangeNumbersSoTheIndexDropsThePosts() {
        String fromThere = reply("bad.example", "cruel words");
        long before = forum.lastChange();
        blocks.put(DomainBlock.of("bad.example", Severity.SUSPEND), false, null);
        assertTrue(forum.changesSince(before, 100).stream().anyMatch(c -> c.postId().equals(fromThere) && c.gone()));
    }

    @Test
    void suspendingForgetsItsFollowersOfOurCircles() {
        Follows follows = new Follows(db);
        follows.addFollower("perinatal", URI.create("https://bad.example/users/relay"),
                URI.create("https://bad.example/inbox"), URI.create("https://bad.example/follows/1"), 1);
        follows.addFollower("perinatal", URI.create("https://good.example/users/relay"),
                URI.create("https://good.example/inbox"), URI.create("https://good.example/follows/1"), 1);
        blocks.put(DomainBlock.of("bad.example", Severity.SUSPEND), false, null);
        assertEquals(List.of(URI.create("https://good.example/users/relay")), follows.followers("perinatal"));
    }

    @Test
    void aMoreSpecificEntryProtectsItsSubdomainFromTheErasure() {
        blocks.put(DomainBlock.of("ok.bad.example", Severity.NOOP), false, null);
        String kept = reply("ok.bad.example", "fine words");
        String erased = reply("bad.example", "cruel words");
        blocks.put(DomainBlock.of("bad.example", Severity.SUSPEND), false, null);
        assertFalse(posts.post(kept).orElseThrow().deleted());
        assertTrue(posts.post(erased).orElseThrow().deleted());
    }

    @Test
    void silenceHidesAThreadFromListingsAndSearchButKeepsIt() {
        String threadId = thread("loud.example", "Buy my course");
        String opening = posts.thread(threadId).getFirst().id();
        blocks.put(DomainBlock.of("loud.example", Severity.SILENCE), false, null);
        assertFalse(listedTitles().contains("Buy my course"));
        assertEquals(Set.of(), forum.shown(List.of(opening)));
        assertEquals("Buy my course", forum.thread("perinatal", threadId).title());
        assertEquals(1, forum.circle("perinatal").threadCount());
    }

    @Test
    void liftingASilenceListsTheThreadAgain() {
        String threadId = thread("loud.example", "Buy my course");
        blocks.put(DomainBlock.of("loud.example", Severity.SILENCE), false, null);
        blocks.lift("loud.example", null, "calmer now");
        assertTrue(listedTitles().contains("Buy my course"));
        assertEquals(Set.of(posts.thread(threadId).getFirst().id()),
                forum.shown(List.of(posts.thread(threadId).getFirst().id())));
    }

    @Test
    void silenceHidesARepliesFromSearchButNotFromItsThread() {
        String loud = reply("loud.example", "shouting");
        blocks.put(DomainBlock.of("loud.example", Severity.SILENCE), false, null);
        assertTrue(forum.shown(List.of(loud)).isEmpty());
        assertTrue(listedTitles().contains("Tired"));
        assertTrue(forum.thread("perinatal", local.threadId()).posts().stream()
                .anyMatch(p -> p.id().equals(loud)));
    }
}
