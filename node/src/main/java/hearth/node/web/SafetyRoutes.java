package hearth.node.web;

import hearth.ui.Pages;
import hearth.ui.view.Chrome;
import hearth.ui.view.CrisisLine;
import hearth.ui.view.HelpPage;
import hearth.ui.view.SafetyPage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * The two pages for when it matters most: "Staying safe online" ({@code /safety}, linked beside
 * the exit button) and "Help now" ({@code /help}, every crisis line, linked from the header and the
 * footer). Both are the same for every reader but her language, and write nothing anywhere.
 */
final class SafetyRoutes {

    /** A text line given as a bare number ("988", "+44 7700 900123"), which a phone can open. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 ().-]*");

    private final Pages pages;
    private final Views views;

    SafetyRoutes(Pages pages, Views views) {
        this.pages = pages;
        this.views = views;
    }

    void register(Router router) {
        router.get("/safety").handler(this::safety);
        router.get("/help").handler(this::help);
    }

    private void safety(RoutingContext ctx) {
        Html.ok(ctx, pages.render("staying-safe.jte", new SafetyPage(views.chrome(ctx))));
    }

    private void help(RoutingContext ctx) {
        Chrome chrome = views.chrome(ctx);
        Html.ok(ctx, pages.render("help.jte", new HelpPage(chrome,
                chrome.crisisLines().stream().map(SafetyRoutes::line).toList())));
    }

    static HelpPage.Line line(CrisisLine line) {
        String phone = blankToNull(line.phone());
        String text = blankToNull(line.text());
        return new HelpPage.Line(line.name(), phone, phone == null ? null : "tel:" + dialable(phone),
                text, text != null && NUMBER.matcher(text).matches() ? "sms:" + dialable(text) : null,
                blankToNull(line.hours()), blankToNull(line.url()));
    }

    /** The number as a phone dials it: digits and a leading plus, without spaces or brackets. */
    static String dialable(String number) {
        String digits = number.replaceAll("[^0-9+*#]", "");
        return digits.isEmpty() ? number.strip() : digits;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
