package hearth.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import hearth.ui.view.AboutPage;
import hearth.ui.view.CirclePage;
import hearth.ui.view.ComposePage;
import hearth.ui.view.DeletePage;
import hearth.ui.view.ErrorPage;
import hearth.ui.view.HomePage;
import hearth.ui.view.MinePage;
import hearth.ui.view.SearchPage;
import hearth.ui.view.ThreadPage;

/**
 * Renders Hearth's pages from precompiled jte templates (HTML-escaped by default).
 *
 * <p>Thread-safe; create one per node and share it.
 *
 * <pre>{@code
 * byte[] html = pages.home(new HomePage(chrome, description, circles));
 * }</pre>
 */
public final class Pages {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public byte[] home(HomePage page) {
        return render("home.jte", page);
    }

    public byte[] circle(CirclePage page) {
        return render("circle.jte", page);
    }

    public byte[] thread(ThreadPage page) {
        return render("thread.jte", page);
    }

    public byte[] compose(ComposePage page) {
        return render("compose.jte", page);
    }

    public byte[] confirmDelete(DeletePage page) {
        return render("delete.jte", page);
    }

    public byte[] mine(MinePage page) {
        return render("mine.jte", page);
    }

    public byte[] about(AboutPage page) {
        return render("about.jte", page);
    }

    public byte[] search(SearchPage page) {
        return render("search.jte", page);
    }

    public byte[] error(ErrorPage page) {
        return render("error.jte", page);
    }

    /** Renders any template under {@code src/main/jte} with its page record. */
    public byte[] render(String template, Object page) {
        StringOutput out = new StringOutput(8192);
        engine.render(template, page, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
