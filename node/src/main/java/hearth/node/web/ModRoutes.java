package hearth.node.web;

import hearth.node.forum.Bans;
import hearth.node.forum.ForumService;
import hearth.node.forum.PostRef;
import hearth.node.forum.PostingPolicy;
import hearth.node.moderation.ModLog;
import hearth.node.moderation.ModerationProblem;
import hearth.node.moderation.ModerationService;
import hearth.node.moderation.Moderator;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.moderation.QueueItem;
import hearth.node.moderation.auth.Totp;
import hearth.ui.Pages;
import hearth.ui.text.PostHtml;
import hearth.ui.view.BansPage;
import hearth.ui.view.CirclesPolicyPage;
import hearth.ui.view.ConsolePage;
import hearth.ui.view.LoginPage;
import hearth.ui.view.ModLogPage;
import hearth.ui.view.NoticePage;
import hearth.ui.view.Option;
import hearth.ui.view.SecondFactorPage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The moderator console (sign-in, the queue, actions, bans, posting policies, second factor) and
 * the public moderation log. Server-rendered forms; nothing needs JavaScript.
 */
final class ModRoutes {

    private static final List<Option> BAN_PERIODS = List.of(new Option("1", "1 day"), new Option("7", "7 days"),
            new Option("30", "30 days"), new Option("365", "a year"), new Option("ever", "for ever"));
    private static final int LOG_PAGE = 100;
    private static final Map<String, String> DONE = Map.of("approve", "Approved: readers can see it now.",
            "remove", "Removed. Readers see your reason in its place.", "restore", "Restored.",
            "dismiss", "Report dismissed.", "ban", "Banned. The ban covers every pseudonym of this author here.",
            "lock", "Thread locked.", "unlock", "Thread unlocked.");

    private final ModerationService moderation;
    private final ModeratorAccounts accounts;
    private final ForumService forum;
    private final ConsoleGate gate;
    private final FormTokens tokens;
    private final Pages pages;
    private final Views views;

    ModRoutes(ModerationService moderation, ModeratorAccounts accounts, ForumService forum, ConsoleGate gate,
              FormTokens tokens, Pages pages, Views views) {
        this.moderation = moderation;
        this.accounts = accounts;
        this.forum = forum;
        this.gate = gate;
        this.tokens = tokens;
        this.pages = pages;
        this.views = views;
    }

    void register(Router router) {
        router.get("/modlog").handler(this::log);
        router.get("/mod/login").handler(ctx -> renderLogin(ctx, 200, "", false, List.of()));
        router.post("/mod/login").handler(this::login);
        router.post("/mod/logout").handler(this::logout);
        router.get("/mod").handler(this::queue);
        router.get("/mod/posts/:post").handler(this::item);
        router.post("/mod/posts/:post/:action").handler(this::postAction);
        router.post("/mod/threads/:thread/:action").handler(this::threadAction);
        router.get("/mod/bans").handler(this::bans);
        router.post("/mod/bans/:ban/lift").handler(this::liftBan);
        router.get("/mod/circles").handler(this::circles);
        router.post("/mod/circles/:circle").handler(this::setPolicy);
        router.get("/mod/second-factor").handler(ctx -> renderSecondFactor(ctx, 200, List.of()));
        router.post("/mod/second-factor").handler(this::confirmSecondFactor);
    }

    // ---- the public log

    private void log(RoutingContext ctx) {
        Long before = parseLong(ctx.request().getParam("before"));
        List<ModLog.Entry> entries = moderation.log(before, LOG_PAGE);
        String older = entries.size() < LOG_PAGE ? null : "/modlog?before=" + entries.get(entries.size() - 1).at();
        Html.ok(ctx, pages.render("modlog.jte", new ModLogPage(views.chrome(ctx), entries.stream()
                .map(e -> new ModLogPage.Row(views.date(e.at()), Views.iso(e.at()),
                        e.circle() == null ? "the whole node" : e.circle(), e.action(), e.reason(), e.target()))
                .toList(), older)));
    }

    // ---- signing in

    private void renderLogin(RoutingContext ctx, int status, String name, boolean askCode, List<String> errors) {
        Html.send(ctx, status, pages.render("mod/login.jte",
                new LoginPage(views.chrome(ctx), tokens.issue(null), name, askCode, errors)));
    }

    private void login(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        String name = form.get("name") == null ? "" : form.get("name");
        if (!tokens.accepts(form.get("csrf"), null)) {
            renderLogin(ctx, 403, name, false, List.of("This form was open for a long time, or came from another "
                    + "site. Please sign in again."));
            return;
        }
        char[] password = form.get("password") == null ? new char[0] : form.get("password").toCharArray();
        try {
            switch (accounts.signIn(name, password, form.get("code"))) {
                case ModeratorAccounts.SignIn.Ok ok -> {
                    gate.startSession(ctx, ok.token());
                    Html.seeOther(ctx, "/mod");
                }
                case ModeratorAccounts.SignIn.CodeNeeded needed -> renderLogin(ctx, 200, name, true,
                        List.of("Please type the code from your authenticator app too."));
                case ModeratorAccounts.SignIn.Wrong wrong -> renderLogin(ctx, 401, name, true,
                        List.of("That name, password or code is not right. Please try again."));
                case ModeratorAccounts.SignIn.Wait wait -> renderLogin(ctx, 429, name, true,
                        List.of("Too many attempts. Please wait " + minutes(wait.delay()) + " and try again."));
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void logout(RoutingContext ctx) {
        if (gate.current(ctx).isPresent() && gate.csrfAccepted(ctx)) {
            gate.endSession(ctx);
        }
        Html.send(ctx, 200, pages.render("notice.jte", new NoticePage(views.chrome(ctx), "Signed out",
                "You are signed out of the moderator console.", "/", "Back to the circles")));
    }

    // ---- the queue and one post

    private void queue(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        renderItems(ctx, 200, m, "Moderation queue", moderation.queue(m), List.of());
    }

    private void item(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        String done = DONE.get(String.valueOf(ctx.request().getParam("done")));
        renderItems(ctx, 200, m, "One post", List.of(moderation.item(m, ctx.pathParam("post"))),
                done == null ? List.of() : List.of(done));
    }

    private void renderItems(RoutingContext ctx, int status, Moderator m, String heading, List<QueueItem> items,
                             List<String> notices) {
        Html.send(ctx, status, pages.render("mod/queue.jte", new ConsolePage(views.chrome(ctx), m.name(), m.admin(),
                gate.csrf(ctx), heading, items.stream().map(this::itemView).toList(), notices, BAN_PERIODS)));
    }

    private ConsolePage.Item itemView(QueueItem i) {
        return new ConsolePage.Item(i.postId(), "/mod/posts/" + i.postId(), "/mod/threads/" + i.threadId(),
                Views.threadUrl(i.circle(), i.threadId()),
                Views.postUrl(new PostRef(i.circle(), i.threadId(), i.postId())), i.circle(), i.threadTitle(),
                i.pseudonym(), PostHtml.alreadyCleaned(i.html()), i.opening(), i.held(), i.removedReason(),
                i.threadLocked(), views.date(i.createdAt()),
                i.reports().stream().map(r -> new ConsolePage.Report(r.reason().label(), r.comment(),
                        r.origin() == null ? "" : r.origin(), views.date(r.createdAt()))).toList(),
                i.atRisk(), i.contextPseudonym(),
                i.contextHtml() == null ? null : PostHtml.alreadyCleaned(i.contextHtml()));
    }

    private void postAction(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        String postId = ctx.pathParam("post");
        String action = ctx.pathParam("action");
        if (!gate.csrfAccepted(ctx)) {
            renderItems(ctx, 403, m, "One post", List.of(moderation.item(m, postId)), List.of(ForumRoutes.EXPIRED_FORM));
            return;
        }
        var form = ctx.request().formAttributes();
        try {
            switch (action) {
                case "approve" -> moderation.approve(m, postId);
                case "remove" -> moderation.remove(m, postId, form.get("reason"));
                case "restore" -> moderation.restore(m, postId);
                case "dismiss" -> moderation.dismiss(m, postId);
                case "ban" -> moderation.ban(m, postId, "node".equals(form.get("where")), period(form.get("period")),
                        form.get("reason"));
                default -> {
                    ctx.next();
                    return;
                }
            }
        } catch (ModerationProblem.Invalid invalid) {
            renderItems(ctx, 400, m, "One post", List.of(moderation.item(m, postId)), invalid.problems());
            return;
        }
        Html.seeOther(ctx, "/mod/posts/" + postId + "?done=" + action);
    }

    private void threadAction(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        String action = ctx.pathParam("action");
        if (!action.equals("lock") && !action.equals("unlock")) {
            ctx.next();
            return;
        }
        String threadId = ctx.pathParam("thread");
        if (!gate.csrfAccepted(ctx)) {
            renderItems(ctx, 403, m, "Moderation queue", moderation.queue(m), List.of(ForumRoutes.EXPIRED_FORM));
            return;
        }
        moderation.lock(m, threadId, action.equals("lock"));
        String opening = moderation.openingPost(m, threadId);
        Html.seeOther(ctx, "/mod/posts/" + opening + "?done=" + action);
    }

    private static Duration period(String value) {
        if (value == null || value.equals("ever")) {
            return null;
        }
        try {
            int days = Integer.parseInt(value);
            if (days < 1 || days > 3650) {
                throw new ModerationProblem.Invalid(List.of("Please choose how long the ban lasts."));
            }
            return Duration.ofDays(days);
        } catch (NumberFormatException bad) {
            throw new ModerationProblem.Invalid(List.of("Please choose how long the ban lasts."));
        }
    }

    // ---- bans

    private void bans(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        Html.ok(ctx, pages.render("mod/bans.jte", new BansPage(views.chrome(ctx), gate.csrf(ctx),
                moderation.bans(m).stream().map(this::banRow).toList())));
    }

    private BansPage.Row banRow(Bans.Ban b) {
        return new BansPage.Row("/mod/bans/" + b.id() + "/lift", b.circle() == null ? "the whole node" : b.circle(),
                b.pseudonym(), b.reason(), views.date(b.createdAt()),
                b.until() == null ? "for ever" : "until " + views.date(b.until()));
    }

    private void liftBan(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        if (gate.csrfAccepted(ctx)) {
            moderation.liftBan(m, ctx.pathParam("ban"));
        }
        Html.seeOther(ctx, "/mod/bans");
    }

    // ---- posting policies

    private void circles(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        Html.ok(ctx, pages.render("mod/circles.jte", new CirclesPolicyPage(views.chrome(ctx), gate.csrf(ctx),
                forum.circles().stream().filter(c -> m.canModerate(c.name()))
                        .map(c -> new CirclesPolicyPage.Row("/mod/circles/" + c.name(), c.name(), c.title(),
                                moderation.policy(c.name()).wire()))
                        .toList(),
                Arrays.stream(PostingPolicy.values()).map(p -> new Option(p.wire(), p.description())).toList())));
    }

    private void setPolicy(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        if (gate.csrfAccepted(ctx)) {
            String circle = forum.circle(ctx.pathParam("circle")).name();
            PostingPolicy policy;
            try {
                policy = PostingPolicy.parse(ctx.request().getFormAttribute("policy"));
            } catch (IllegalArgumentException bad) {
                throw new ModerationProblem.Invalid(List.of("Please choose one of the policies."));
            }
            moderation.setPolicy(m, circle, policy);
        }
        Html.seeOther(ctx, "/mod/circles");
    }

    // ---- second factor

    private void renderSecondFactor(RoutingContext ctx, int status, List<String> errors) {
        Moderator m = gate.require(ctx);
        boolean enabled = accounts.hasSecondFactor(m);
        String secret = enabled ? "" : accounts.pendingSecondFactor(m).orElseGet(() -> accounts.beginSecondFactor(m));
        Html.send(ctx, status, pages.render("mod/second-factor.jte", new SecondFactorPage(views.chrome(ctx),
                gate.csrf(ctx), enabled, secret,
                enabled ? "" : Totp.uri(views.chrome(ctx).nodeName(), m.name(), secret), errors)));
    }

    private void confirmSecondFactor(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        if (!gate.csrfAccepted(ctx)) {
            renderSecondFactor(ctx, 403, List.of(ForumRoutes.EXPIRED_FORM));
            return;
        }
        if (!accounts.confirmSecondFactor(m, ctx.request().getFormAttribute("code"))) {
            renderSecondFactor(ctx, 400, List.of("That code did not match. Check the app shows this node's "
                    + "account, and type the newest code."));
            return;
        }
        Html.seeOther(ctx, "/mod/second-factor");
    }

    // ---- helpers

    private static Long parseLong(String text) {
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException bad) {
            return null;
        }
    }

    private static String minutes(Duration wait) {
        long m = Math.max(1, (wait.toSeconds() + 59) / 60);
        return m == 1 ? "a minute" : m + " minutes";
    }
}
