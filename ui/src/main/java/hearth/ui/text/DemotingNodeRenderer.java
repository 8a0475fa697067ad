package hearth.ui.text;

import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.Set;

/**
 * Renders the two Markdown constructs a post may not use as such.
 *
 * <p>A heading becomes a bold paragraph: a post sits inside a page that has its own headings,
 * and a member's {@code # HELP} should not outrank the thread title or confuse screen readers'
 * outline of the page. An image becomes its description only: showing it would make every
 * reader's browser fetch a URL the author chose, telling a stranger who reads the thread.
 */
final class DemotingNodeRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    DemotingNodeRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Heading.class, Image.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof Heading) {
            html.line();
            html.tag("p");
            html.tag("strong");
            renderChildren(node);
            html.tag("/strong");
            html.tag("/p");
            html.line();
        } else {
            renderChildren(node);
        }
    }

    private void renderChildren(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }
}
