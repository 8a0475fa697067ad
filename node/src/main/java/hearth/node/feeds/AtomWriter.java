package hearth.node.feeds;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import hearth.ui.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes a {@link Feed} as an Atom 1.0 document (RFC 4287), UTF-8.
 *
 * <pre>{@code
 * byte[] xml = AtomWriter.write(new Feed(id, "Perinatal · Hearth", "", "en", self, page, updated, "Hearth", entries));
 * }</pre>
 *
 * <p>A warned entry carries its warning twice, in the feed's language: in its title ("CW: loss —
 * …"), which is all a feed reader's list shows, and as a line above its words, since most
 * readers cannot fold anything away. Characters XML cannot carry (control characters a remote
 * server may have sent) are dropped rather than failing the whole feed. The same feed always
 * gives the same bytes, so a hash of them is a sound ETag. Stateless and thread-safe.
 */
public final class AtomWriter {

    /** The media type of what {@link #write} returns. */
    public static final String MEDIA_TYPE = "application/atom+xml; charset=utf-8";

    private static final String ATOM_TYPE = "application/atom+xml";

    private AtomWriter() {
    }

    public static byte[] write(Feed feed) {
        Messages t = Messages.of(feed.language());
        com.rometools.rome.feed.atom.Feed atom = new com.rometools.rome.feed.atom.Feed("atom_1.0");
        atom.setEncoding("UTF-8");
        atom.setLanguage(feed.language());
        atom.setId(feed.id().toString());
        atom.setTitle(XmlText.clean(feed.title()));
        if (!feed.subtitle().isBlank()) {
            atom.setSubtitle(text(feed.subtitle()));
        }
        atom.setUpdated(date(feed.updated()));
        atom.setAuthors(people(feed.author()));
        atom.setAlternateLinks(List.of(link("alternate", "text/html", feed.page().toString())));
        atom.setOtherLinks(List.of(link("self", ATOM_TYPE, feed.self().toString())));
        List<Entry> entries = new ArrayList<>();
        for (FeedEntry entry : feed.entries()) {
            entries.add(entry(entry, t));
        }
        atom.setEntries(entries);
        try {
            Document document = new WireFeedOutput().outputJDom(atom);
            // ROME does not write Atom's xml:lang; readers use it to pick fonts, voices and hyphenation.
            document.getRootElement().setAttribute("lang", feed.language(), Namespace.XML_NAMESPACE);
            return new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).outputString(document)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            // Every required element is set above, so this is a fault in Hearth, not in the data.
            throw new IllegalStateException("could not write an Atom feed", e);
        }
    }

    private static Entry entry(FeedEntry e, Messages t) {
        Entry entry = new Entry();
        entry.setId(e.id().toString());
        entry.setTitle(XmlText.clean(e.warned() ? t.get("feeds.entry.warned", e.warning(), e.title()) : e.title()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", e.link().toString())));
        if (e.author() != null) {
            entry.setAuthors(people(e.author()));
        }
        entry.setPublished(date(e.published()));
        entry.setUpdated(date(e.updated()));
        String html = e.warned()
                ? "<p><strong>" + XmlText.escape(t.get("feeds.entry.warning", e.warning())) + "</strong></p><hr>"
                        + e.html()
                : e.html();
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(XmlText.clean(html));
        entry.setContents(List.of(content));
        return entry;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(XmlText.clean(value));
        return content;
    }

    private static List<SyndPerson> people(String name) {
        Person person = new Person();
        person.setName(XmlText.clean(name));
        return List.of(person);
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
