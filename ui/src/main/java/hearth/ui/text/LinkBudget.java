package hearth.ui.text;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

/**
 * Bounds how much link target a post can make the page carry. A Markdown reference definition
 * ({@code [a]: https://...}) may be used any number of times ({@code [a][a][a]...}), and every
 * use writes the whole URL out again: 8 KB typed became 2 MB of HTML, stored and sent to every
 * reader. Links are kept in the order written while their destinations and titles add up to at
 * most twice the length of the text typed, plus {@value #SLACK} characters; a link past that
 * shows as its text. A post whose links are written inline can never reach the limit.
 *
 * <p>Use once per parsed document, from one thread: {@code LinkBudget.apply(document, length)}.
 */
final class LinkBudget extends AbstractVisitor {

    static final int SLACK = 1024;

    private long remaining;

    private LinkBudget(long remaining) {
        this.remaining = remaining;
    }

    /** Unwraps the links of {@code document} that go past the budget for a text of that length. */
    static void apply(Node document, int typedLength) {
        document.accept(new LinkBudget(2L * typedLength + SLACK));
    }

    @Override
    public void visit(Link link) {
        long cost = length(link.getDestination()) + length(link.getTitle());
        if (cost <= remaining) {
            remaining -= cost;
            return;
        }
        Node child = link.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            link.insertBefore(child);
            child = next;
        }
        link.unlink();
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
