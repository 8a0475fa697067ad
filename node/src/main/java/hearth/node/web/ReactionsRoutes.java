package hearth.node.web;

import hearth.node.author.AuthorIds;
import hearth.node.forum.PostRef;
import hearth.node.reactions.ReactionKind;
import hearth.node.reactions.Reactions;
import hearth.node.reactions.ReactionsProblem;
import hearth.ui.Pages;
import hearth.ui.i18n.Messages;
import hearth.ui.view.NoticePage;
import hearth.ui.view.PreferencesPage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Support reactions and the reader's content-warning preferences.
 *
 * <ul>
 *   <li>{@code POST /c/:circle/t/:thread/p/:post/react} with {@code kind} and {@code csrf}: gives or
 *       takes back her reaction, then 303 back to the post (with its buttons shown). Reacting gives
 *       her an author key if she has none, as posting does.</li>
 *   <li>{@code GET /preferences}, {@code POST /preferences}: which warning topics she sees unfolded,
 *       kept in her browser's cookie only.</li>
 * </ul>
 * Handlers block on the database, so they run on the web verticle's virtual threads.
 */
final class ReactionsRoutes {

    static final String PREFERENCES = "/preferences";

    private final Reactions reactions;
    private final Pages pages;
    private final Views views;
    private final AuthorIds ids;
    private final FormTokens tokens;
    private final boolean secureCookies;

    ReactionsRoutes(Reactions reactions, Pages pages, Views views, AuthorIds ids, FormTokens tokens,
                    boolean secureCookies) {
        this.reactions = reactions;
        this.pages = pages;
        this.views = views;
        this.ids = ids;
        this.tokens = tokens;
        this.secureCookies = secureCookies;
    }

    void register(Router router) {
        router.post("/c/:circle/t/:thread/p/:post/react").handler(this::react);
        router.get(PREFERENCES).handler(this::preferences);
        router.post(PREFERENCES).handler(this::savePreferences);
    }

    // ---- reactions

    private void react(RoutingContext ctx) {
        Visitor visitor = Visitor.of(ctx, ids, secureCookies);
        PostRef ref = new PostRef(ctx.pathParam("circle"), ctx.pathParam("thread"), ctx.pathParam("post"));
        Messages t = views.chrome(ctx).t();
        String back = Views.postUrl(ref);
        if (!tokens.accepts(ctx.request().getFormAttribute("csrf"), visitor.key())) {
            notice(ctx, 403, t.get("reactions.refused.heading"), t.get("reactions.refused.expired"), back);
            return;
        }
        Optional<ReactionKind> kind = ReactionKind.fromWire(ctx.request().getFormAttribute("kind"));
        if (kind.isEmpty()) {
            notice(ctx, 400, t.get("reactions.refused.heading"), t.get("reactions.refused.kind"), back);
            return;
        }
        try {
            reactions.toggle(visitor.authorIdForWriting(), ref.circleName(), ref.threadId(), ref.postId(), kind.get());
        } catch (ReactionsProblem.NotFound gone) {
            notice(ctx, 404, t.get("reactions.refused.gone.heading"), t.get("reactions.refused.gone"),
                    Views.circleUrl(ref.circleName()));
            return;
        } catch (ReactionsProblem.Removed removed) {
            notice(ctx, 403, t.get("reactions.refused.removed.heading"), t.get("reactions.refused.removed"), back);
            return;
        }
        visitor.keepKey();
        // Back to the post with its buttons still shown, so she sees what she pressed and can take it back.
        Html.seeOther(ctx, Views.threadUrl(ref.circleName(), ref.threadId()) + ReactionsContext.openUrl(ref.postId()));
    }

    private void notice(RoutingContext ctx, int status, String heading, String message, String back) {
        var chrome = views.chrome(ctx);
        Html.send(ctx, status, pages.render("notice.jte", new NoticePage(chrome, heading, message, back,
                chrome.t().get("reactions.back"))));
    }

    // ---- preferences

    private void preferences(RoutingContext ctx) {
        Visitor visitor = Visitor.of(ctx, ids, secureCookies);
        render(ctx, 200, visitor, views.warningPrefs(ctx), "1".equals(ctx.request().getParam("saved")), false);
    }

    private void savePreferences(RoutingContext ctx) {
        Visitor visitor = Visitor.of(ctx, ids, secureCookies);
        ContentWarningPrefs current = views.warningPrefs(ctx);
        if (!tokens.accepts(ctx.request().getFormAttribute("csrf"), visitor.key())) {
            render(ctx, 403, visitor, current, false, true);
            return;
        }
        List<String> collapsed = ctx.request().formAttributes().getAll("collapse");
        List<String> unticked = current.topics().stream()
                .filter(topic -> collapsed.stream().noneMatch(topic::equalsIgnoreCase))
                .toList();
        ContentWarningPrefs.opening(unticked, current.topics()).keep(ctx, secureCookies);
        Html.seeOther(ctx, PREFERENCES + "?saved=1");
    }

    private void render(RoutingContext ctx, int status, Visitor visitor, ContentWarningPrefs prefs, boolean saved,
                        boolean expired) {
        var chrome = views.chrome(ctx);
        Html.send(ctx, status, pages.render("preferences.jte", new PreferencesPage(chrome, PREFERENCES,
                tokens.issue(visitor.key()), prefs.topics().stream()
                        .map(topic -> new PreferencesPage.Topic(topic, prefs.collapses(topic))).toList(),
                saved, expired)));
    }
}
