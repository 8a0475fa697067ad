package hearth.node.web;

import hearth.node.author.AuthorIds;
import hearth.node.author.AuthorKey;
import hearth.node.author.RecoveryPhrase;
import hearth.node.forum.ForumService;
import hearth.node.forum.Traces;
import hearth.ui.Pages;
import hearth.ui.i18n.Messages;
import hearth.ui.view.ForgetPage;
import hearth.ui.view.NoticePage;
import hearth.ui.view.PhrasePage;
import hearth.ui.view.RestorePage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Her control over her traces: her recovery phrase ({@code /me/phrase}), carrying it to another
 * device ({@code /me/restore}), and "forget me" ({@code /me/forget}). Every page is sent with
 * {@code Cache-Control: no-store}; the phrase is never logged. Handlers block on the database, so
 * they run on the web verticle's virtual threads.
 */
final class MeRoutes {

    private final ForumService forum;
    private final Pages pages;
    private final Views views;
    private final AuthorIds ids;
    private final FormTokens tokens;
    private final boolean secureCookies;
    private final Consumer<String> forgetReactions;

    /**
     * @param forgetReactions erases every reaction of an author id; "forget me" calls it right after
     *                        her posts are deleted
     */
    MeRoutes(ForumService forum, Pages pages, Views views, AuthorIds ids, FormTokens tokens, boolean secureCookies,
             Consumer<String> forgetReactions) {
        this.forum = forum;
        this.pages = pages;
        this.views = views;
        this.ids = ids;
        this.tokens = tokens;
        this.secureCookies = secureCookies;
        this.forgetReactions = forgetReactions;
    }

    void register(Router router) {
        router.get("/me/phrase").handler(this::phrase);
        router.get("/me/restore").handler(this::restoreForm);
        router.post("/me/restore").handler(this::restore);
        router.get("/me/forget").handler(this::forgetForm);
        router.post("/me/forget").handler(this::forget);
    }

    // ---- her recovery phrase

    private void phrase(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        AuthorKey key = visitor.key();
        List<String> words = key == null ? List.of() : RecoveryPhrase.of(key);
        String name = key == null ? null : forum.usualPseudonym(visitor.authorId()).orElse(null);
        Html.ok(ctx, pages.render("me-phrase.jte", new PhrasePage(views.chrome(ctx), words, name)));
    }

    // ---- carrying it to another device

    private void restoreForm(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        renderRestore(ctx, 200, visitor, "", List.of(), false, null);
    }

    private void restore(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        var form = ctx.request().formAttributes();
        String typed = form.get("phrase") == null ? "" : form.get("phrase");
        Messages t = views.chrome(ctx).t();
        if (!tokens.accepts(form.get("csrf"), visitor.key())) {
            renderRestore(ctx, 403, visitor, typed, List.of(t.get("traces.form.expired")), false, null);
            return;
        }
        AuthorKey restored;
        try {
            restored = RecoveryPhrase.read(typed);
        } catch (RecoveryPhrase.Unreadable unreadable) {
            renderRestore(ctx, 400, visitor, typed, List.of(problem(t, unreadable)), false, null);
            return;
        }
        String restoredId = ids.idOf(restored);
        if (!forum.traces().known(restoredId)) {
            renderRestore(ctx, 400, visitor, typed, List.of(t.get("traces.restore.problem.nobody")), false, null);
            return;
        }
        String name = forum.usualPseudonym(restoredId).orElse(null);
        if (restored.equals(visitor.key())) {
            notice(ctx, t.get("traces.restore.done.heading"), t.get("traces.restore.done.same"), "/mine",
                    "traces.back.mine");
            return;
        }
        if (visitor.key() != null && !"yes".equals(form.get("replace"))) {
            renderRestore(ctx, 200, visitor, typed, List.of(), true, name);
            return;
        }
        visitor.adopt(restored);
        notice(ctx, t.get("traces.restore.done.heading"),
                name == null ? t.get("traces.restore.done.unnamed") : t.get("traces.restore.done.as", name), "/mine",
                "traces.back.mine");
    }

    private void renderRestore(RoutingContext ctx, int status, Visitor visitor, String typed, List<String> errors,
                               boolean confirming, String restoredName) {
        String current = visitor.key() == null ? null : forum.usualPseudonym(visitor.authorId()).orElse(null);
        Html.send(ctx, status, pages.render("me-restore.jte", new RestorePage(views.chrome(ctx),
                tokens.issue(visitor.key()), typed, errors, visitor.key() != null, confirming, current, restoredName)));
    }

    private static String problem(Messages t, RecoveryPhrase.Unreadable unreadable) {
        return switch (unreadable.problem()) {
            case EMPTY -> t.get("traces.restore.problem.empty");
            case WRONG_COUNT -> t.get("traces.restore.problem.count", unreadable.count());
            case UNKNOWN_WORD -> t.get("traces.restore.problem.unknown", unreadable.positions().size(),
                    unreadable.positions().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            case MISTYPED -> t.get("traces.restore.problem.mistyped");
        };
    }

    // ---- "forget me"

    private void forgetForm(RoutingContext ctx) {
        renderForget(ctx, 200, visitor(ctx), List.of());
    }

    private void forget(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        String authorId = visitor.authorId();
        Messages t = views.chrome(ctx).t();
        if (authorId == null) {
            renderForget(ctx, 200, visitor, List.of());
            return;
        }
        if (!tokens.accepts(ctx.request().getFormAttribute("csrf"), visitor.key())) {
            renderForget(ctx, 403, visitor, List.of(t.get("traces.form.expired")));
            return;
        }
        Traces.Forgetting done = forgetEverything(authorId);
        visitor.eraseKey();
        notice(ctx, t.get("traces.forget.done.heading"), t.get("traces.forget.done.text", done.posts()), "/",
                "traces.forget.done.back");
    }

    /**
     * Everything "forget me" erases, in one place: every post of hers (each deleted as she would
     * delete it, so the search index and other servers follow), then her reactions.
     */
    private Traces.Forgetting forgetEverything(String authorId) {
        Traces.Forgetting done = forum.traces().forget(authorId);
        forgetReactions.accept(authorId);
        return done;
    }

    private void renderForget(RoutingContext ctx, int status, Visitor visitor, List<String> errors) {
        String authorId = visitor.authorId();
        Traces.Forgetting what = authorId == null ? new Traces.Forgetting(0, 0, 0) : forum.traces().preview(authorId);
        Html.send(ctx, status, pages.render("me-forget.jte", new ForgetPage(views.chrome(ctx),
                tokens.issue(visitor.key()), authorId != null, what.posts(), what.threads(), what.othersReplies(),
                errors)));
    }

    // ---- helpers

    private void notice(RoutingContext ctx, String heading, String message, String backUrl, String backKey) {
        var chrome = views.chrome(ctx);
        Html.ok(ctx, pages.render("notice.jte", new NoticePage(chrome, heading, message, backUrl,
                chrome.t().get(backKey))));
    }

    private Visitor visitor(RoutingContext ctx) {
        return Visitor.of(ctx, ids, secureCookies);
    }
}
