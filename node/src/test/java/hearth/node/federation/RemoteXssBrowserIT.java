package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.activity.Activity;
import hearth.federation.object.ActorType;
import hearth.federation.object.Note;
import hearth.node.browser.Browsers;
import hearth.node.browser.XssCorpus;
import hearth.node.browser.XssProbe;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cross-site scripting corpus arriving from another node (issue 8, "Hostile input through
 * the page"): as a remote woman's display name, as a federated reply's HTML, and as its Markdown
 * source; then the thread is read in real Chromium by {@link XssProbe} (CSP on, CSP bypassed,
 * real dialogs). Nothing may run.
 */
class RemoteXssBrowserIT {

    private static final int NAME = 7000;
    private static final int HTML = 8000;
    private static final int SOURCE = 9000;
    /** Each name is a new remote actor with its own keys, so fewer of those. */
    private static final int NAMES = 25;

    private static InboxBed bed;
    private static XssCorpus corpus;
    private static final Map<Integer, Integer> TRIED = new TreeMap<>();

    @BeforeAll
    static void deliver() throws Exception {
        bed = new InboxBed();
        corpus = XssCorpus.load();
        for (int i = 0; i < Math.min(NAMES, corpus.size()); i++) {
            FakeActor author = bed.remote.actor("x" + i, ActorType.PERSON, corpus.numbered(i, NAME));
            send(author, Wire.reply(author.newId("notes"), author.id(), bed.thread, "qzr name " + i));
            TRIED.merge(NAME, 1, Integer::sum);
        }
        for (int i = 0; i < corpus.size(); i++) {
            Note html = Wire.reply(bed.ana.newId("notes"), bed.ana.id(), bed.thread, "unused");
            send(bed.ana, withContent(html, "<p>qzr html " + i + "</p>" + corpus.numbered(i, HTML), null));
            TRIED.merge(HTML, 1, Integer::sum);
            Note source = Wire.reply(bed.ana.newId("notes"), bed.ana.id(), bed.thread, "unused");
            send(bed.ana, withContent(source, "<p>qzr source " + i + "</p>",
                    "qzr source " + i + "\n\n" + corpus.numbered(i, SOURCE)));
            TRIED.merge(SOURCE, 1, Integer::sum);
        }
        bed.awaitOnThread("qzr source " + (corpus.size() - 1));
        bed.settle();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void nothingFromAnotherNodeRuns() {
        List<URI> pages = List.of(bed.node.url(bed.threadPath), bed.node.url("/c/perinatal"),
                bed.node.url("/search?q=qzr"));
        XssProbe.Findings found;
        try (Browsers browsers = new Browsers()) {
            found = XssProbe.read(browsers, pages, driver -> { });
        }
        Map<Integer, String> fields = Map.of(NAME, "remote woman's name", HTML, "federated post HTML",
                SOURCE, "federated post Markdown source");
        System.out.println("XSS from another node per field (tried / executed):");
        TRIED.forEach((base, n) -> System.out.printf("  %-55s %d / %d%n", fields.get(base), n,
                found.executed().getOrDefault(base, Set.of()).size()));
        assertEquals(Map.of(), found.executed(), "vectors ran (field base -> calls)");
        assertEquals(0, found.dialogs(), "dialogs opened");
        assertEquals(List.of(), found.live(), "markup that could run on a click or hover");
        assertTrue(NodeState.threadText(bed.node, bed.threadPath).contains("qzr name " + (NAMES - 1)),
                "the remote replies are on the page that was read");
    }

    /** Delivers a Create signed by its author, waiting out the inbox's per-host rate limit if it answers 429. */
    private static void send(FakeActor author, Note note) throws InterruptedException {
        Activity create = Wire.create(author.newId("activities"), author.id(), note);
        for (int attempt = 0; attempt < 30; attempt++) {
            InboxPoster.Answer answer = bed.post(create, author);
            if (answer.status() != 429) {
                assertEquals(202, answer.status(), answer.reason());
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the inbox kept answering 429");
    }

    private static Note withContent(Note note, String html, String markdown) {
        return new Note(note.id(), note.attributedTo(), note.audience(), note.context(), note.inReplyTo(), html,
                markdown, Instant.now().truncatedTo(ChronoUnit.SECONDS), null, false, null, note.to(), note.cc());
    }
}
