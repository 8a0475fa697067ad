package hearth.node.feeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The Atom documents Hearth writes, read back with a namespace-aware XML parser (RFC 4287). */
class AtomWriterTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final URI SELF = URI.create("https://hearth.example/c/perinatal/feed.atom");
    static final URI PAGE = URI.create("https://hearth.example/c/perinatal");
    static final URI THREAD = URI.create("https://hearth.example/c/perinatal/t/01J0000000000000000000000A");
    static final Instant POSTED = Instant.parse("2025-03-01T08:30:00Z");
    static final Instant EDITED = Instant.parse("2025-03-02T09:00:00Z");

    @Test
    void theFeedHasEveryElementAtomRequires() {
        Element feed = write(feed("en", entry("Can't sleep", "Quiet Heron 4821", "<p>Since the birth.</p>", "")));

        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals(SELF.toString(), child(feed, "id").getTextContent());
        assertEquals("Perinatal · Hearth", child(feed, "title").getTextContent());
        assertEquals("Newest threads.", child(feed, "subtitle").getTextContent());
        assertEquals("Hearth", child(child(feed, "author"), "name").getTextContent());
        assertEquals(EDITED, Instant.parse(child(feed, "updated").getTextContent()));
        assertEquals(SELF.toString(), link(feed, "self").getAttribute("href"));
        assertEquals("application/atom+xml", link(feed, "self").getAttribute("type"));
        assertEquals(PAGE.toString(), link(feed, "alternate").getAttribute("href"));
        assertEquals("text/html", link(feed, "alternate").getAttribute("type"));
    }

    @Test
    void theFeedSaysWhichLanguageItsTextIsIn() {
        Element feed = write(feed("es", entry("Tres años", "Garza Serena 1234", "<p>Es duro.</p>", "")));

        assertEquals("es", feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
    }

    @Test
    void anEntryCarriesItsIdTitleAuthorDatesLinkAndWords() {
        Element entry = child(write(feed("en", entry("Can't sleep", "Quiet Heron 4821",
                "<p>Since the <em>birth</em>.</p>", ""))), "entry");

        assertEquals(THREAD.toString(), child(entry, "id").getTextContent());
        assertEquals("Can't sleep", child(entry, "title").getTextContent());
        assertEquals("Quiet Heron 4821", child(child(entry, "author"), "name").getTextContent());
        assertEquals(POSTED, Instant.parse(child(entry, "published").getTextContent()));
        assertEquals(EDITED, Instant.parse(child(entry, "updated").getTextContent()));
        assertEquals(THREAD.toString(), link(entry, "alternate").getAttribute("href"));
        Element content = child(entry, "content");
        assertEquals("html", content.getAttribute("type"));
        assertEquals("<p>Since the <em>birth</em>.</p>", content.getTextContent(),
                "the HTML travels escaped, as the text of a type=\"html\" content");
    }

    @Test
    void datesAreWrittenAsRfc3339() {
        Element entry = child(write(feed("en", entry("t", "a", "<p>x</p>", ""))), "entry");

        String published = child(entry, "published").getTextContent();
        assertEquals(POSTED, OffsetDateTime.parse(published).toInstant(), published);
    }

    @Test
    void markupInATitleStaysText() {
        Element entry = child(write(feed("en", entry("<b>bold</b> & \"quoted\"", "a", "<p>x</p>", ""))), "entry");

        Element title = child(entry, "title");
        assertEquals("<b>bold</b> & \"quoted\"", title.getTextContent());
        assertTrue(title.getAttribute("type").isEmpty() || title.getAttribute("type").equals("text"));
    }

    @Test
    void anEntryWithoutAPseudonymHasNoAuthorOfItsOwn() {
        Element feed = write(feed("en", entry("Thread deleted by its author", null, "", "")));

        assertNull(child(child(feed, "entry"), "author"), "the feed's author stands in");
        assertEquals("Hearth", child(child(feed, "author"), "name").getTextContent());
    }

    @Test
    void aWarnedEntryShowsItsWarningInItsTitleAndAboveItsWords() {
        Element entry = child(write(feed("en", entry("Three years on", "Quiet Heron 4821",
                "<p>The anniversary is hard.</p>", "loss"))), "entry");

        assertEquals("CW: loss — Three years on", child(entry, "title").getTextContent());
        String content = child(entry, "content").getTextContent();
        assertTrue(content.startsWith("<p><strong>Content warning: loss</strong></p><hr>"), content);
        assertTrue(content.endsWith("<p>The anniversary is hard.</p>"), content);
    }

    @Test
    void aWarningIsWordedInTheFeedsLanguage() {
        Element entry = child(write(feed("es", entry("Tres años", "Garza Serena 1234", "<p>Es duro.</p>", "duelo"))),
                "entry");

        assertEquals("Aviso: duelo — Tres años", child(entry, "title").getTextContent());
        assertTrue(child(entry, "content").getTextContent().startsWith("<p><strong>Aviso de contenido: duelo"));
    }

    @Test
    void markupInAWarningIsEscapedInsideTheHtml() {
        Element entry = child(write(feed("en", entry("t", "a", "<p>x</p>", "<script>alert(1)</script>"))), "entry");

        String content = child(entry, "content").getTextContent();
        assertTrue(content.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), content);
        assertTrue(!content.contains("<script>"), content);
    }

    @Test
    void controlCharactersFromAnotherServerAreDroppedNotFatal() {
        Element entry = child(write(feed("en", entry("Bell\u0007 here", "Ana\u0000", "<p>a\u001Bb</p>", ""))),
                "entry");

        assertEquals("Bell here", child(entry, "title").getTextContent());
        assertEquals("Ana", child(child(entry, "author"), "name").getTextContent());
        assertEquals("<p>ab</p>", child(entry, "content").getTextContent());
    }

    @Test
    void theSameFeedAlwaysGivesTheSameBytes() {
        Feed feed = feed("en", entry("Can't sleep", "Quiet Heron 4821", "<p>Since the birth.</p>", ""));

        assertArrayEquals(AtomWriter.write(feed), AtomWriter.write(feed), "a hash of the bytes is the ETag");
    }

    @Test
    void entriesKeepTheirOrder() {
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(new FeedEntry(URI.create(THREAD + "#p-" + i), "post " + i, URI.create(THREAD + "#p-" + i),
                    "a", POSTED, POSTED, "<p>" + i + "</p>", ""));
        }
        Element feed = write(new Feed(SELF, "t", "", "en", SELF, PAGE, POSTED, "Hearth", entries));

        List<String> titles = new ArrayList<>();
        for (Node n = feed.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("entry")) {
                titles.add(child(e, "title").getTextContent());
            }
        }
        assertEquals(List.of("post 0", "post 1", "post 2"), titles);
    }

    @Test
    void aRelativeSelfAddressIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Feed(SELF, "t", "", "en",
                URI.create("/c/perinatal/feed.atom"), PAGE, POSTED, "Hearth", List.of()));
    }

    @Test
    void aRelativeEntryLinkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FeedEntry(THREAD, "t",
                URI.create("/c/perinatal/t/x"), "a", POSTED, POSTED, "", ""));
    }

    // ---- helpers

    static FeedEntry entry(String title, String author, String html, String warning) {
        return new FeedEntry(THREAD, title, THREAD, author, POSTED, EDITED, html, warning);
    }

    static Feed feed(String language, FeedEntry entry) {
        return new Feed(SELF, "Perinatal · Hearth", "Newest threads.", language, SELF, PAGE, EDITED, "Hearth",
                List.of(entry));
    }

    static Element write(Feed feed) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(AtomWriter.write(feed)));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("the feed is not well-formed XML", e);
        }
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static Element link(Element parent, String rel) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("link") && e.getAttribute("rel").equals(rel)) {
                return e;
            }
        }
        throw new AssertionError("no link rel=" + rel);
    }
}
