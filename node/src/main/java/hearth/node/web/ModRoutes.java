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
import hearth.ui.i18n.Messages;
import hearth.ui.i18n.Text;
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

    /** Ban lengths offered, each labelled with the key of its words. */
    private static final List<Option> BAN_PERIODS = List.of(new Option("1", "moderation.ban.period.day"),
            new Option("7", "moderation.ban.period.week"), new Option("30", "moderation.ban.period.month"),
            new Option("365", "moderation.ban.period.year"), new Option("ever", "moderation.ban.period.ever"));
    private static final int LOG_PAGE = 100;
    private static final String QUEUE = "moderation.queue.heading";
    private static final String ONE_POST = "moderation.queue.onePost";
    private static final Map<String, String> DONE = Map.of("approve", "moderation.done.approve",
            "remove", "moderation.done.remove", "restore", "moderation.done.restore",
            "dismiss", "moderation.done.dismiss", "ban", "moderation.done.ban",
            "lock", "moderation.done.lock", "unlock", "moderation.done.unlock");

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
        Messages t = views.t(ctx);
        Html.ok(ctx, pages.render("modlog.jte", new ModLogPage(views.chrome(ctx), entries.stream()
                .map(e -> new ModLogPage.Row(views.date(ctx, e.at()), Views.iso(e.at()),
                        e.circle() == null ? t.get("moderation.wholeNode") : e.circle(),
                        views.say(ctx, LogActions.of(e.action())), e.reason(), e.target()))
                .toList(), older)));
    }

    // ---- signing in

    private void renderLogin(RoutingContext ctx, int status, String name, boolean askCode, List<Text> errors) {
        Html.send(ctx, status, pages.render("mod/login.jte",
                new LoginPage(views.chrome(ctx), tokens.issue(null), name, askCode, views.say(ctx, errors))));
    }

    private void login(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        String name = form.get("name") == null ? "" : form.get("name");
        if (!tokens.accepts(form.get("csrf"), null)) {
            renderLogin(ctx, 403, name, false, List.of(Text.of("moderation.signIn.expired")));
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
                        List.of(Text.of("moderation.signIn.codeNeeded")));
                case ModeratorAccounts.SignIn.Wrong wrong -> renderLogin(ctx, 401, name, true,
                        List.of(Text.of("moderation.signIn.wrong")));
                case ModeratorAccounts.SignIn.Wait wait -> renderLogin(ctx, 429, name, true,
                        List.of(Text.of("moderation.signIn.wait", minutes(wait.delay()))));
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void logout(RoutingContext ctx) {
        if (gate.current(ctx).isPresent() && gate.csrfAccepted(ctx)) {
            gate.endSession(ctx);
        }
        Messages t = views.t(ctx);
        Html.send(ctx, 200, pages.render("notice.jte", new NoticePage(views.chrome(ctx),
                t.get("moderation.signOut.heading"), t.get("moderation.signOut.message"), "/",
                t.get("common.error.back"))));
    }

    // ---- the queue and one post

    private void queue(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        renderItems(ctx, 200, m, QUEUE, moderation.queue(m), List.of());
    }

    private void item(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        String done = DONE.get(String.valueOf(ctx.request().getParam("done")));
        renderItems(ctx, 200, m, ONE_POST, List.of(moderation.item(m, ctx.pathParam("post"))),
                done == null ? List.of() : List.of(Text.of(done)));
    }

    /** @param heading the key of the page's heading */
    private void renderItems(RoutingContext ctx, int status, Moderator m, String heading, List<QueueItem> items,
                             List<Text> notices) {
        Messages t = views.t(ctx);
        List<Option> periods = BAN_PERIODS.stream().map(p -> new Option(p.value(), t.get(p.label()))).toList();
        Html.send(ctx, status, pages.render("mod/queue.jte", new ConsolePage(views.chrome(ctx), m.name(), m.admin(),
                gate.csrf(ctx), t.get(heading), items.stream().map(i -> itemView(ctx, i)).toList(),
                views.say(ctx, notices), periods)));
    }

    private ConsolePage.Item itemView(RoutingContext ctx, QueueItem i) {
        Messages t = views.t(ctx);
        return new ConsolePage.Item(i.postId(), "/mod/posts/" + i.postId(), "/mod/threads/" + i.threadId(),
                Views.threadUrl(i.circle(), i.threadId()),
                Views.postUrl(new PostRef(i.circle(), i.threadId(), i.postId())), i.circle(), i.threadTitle(),
                i.pseudonym(), PostHtml.alreadyCleaned(i.html()), i.opening(), i.held(), i.removedReason(),
                i.threadLocked(), views.date(ctx, i.createdAt()),
                i.reports().stream().map(r -> new ConsolePage.Report(t.get(r.reason().key()), r.comment(),
                        r.origin() == null ? "" : r.origin(), views.date(ctx, r.createdAt()))).toList(),
                i.atRisk(), i.contextPseudonym(),
                i.contextHtml() == null ? null : PostHtml.alreadyCleaned(i.contextHtml()));
    }

    private void postAction(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        String postId = ctx.pathParam("post");
        String action = ctx.pathParam("action");
        if (!gate.csrfAccepted(ctx)) {
            renderItems(ctx, 403, m, ONE_POST, List.of(moderation.item(m, postId)), List.of(ForumRoutes.EXPIRED_FORM));
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
            renderItems(ctx, 400, m, ONE_POST, List.of(moderation.item(m, postId)), invalid.problems());
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
            renderItems(ctx, 403, m, QUEUE, moderation.queue(m), List.of(ForumRoutes.EXPIRED_FORM));
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
                throw new ModerationProblem.Invalid(List.of(Text.of("moderation.problem.banPeriod")));
            }
            return Duration.ofDays(days);
        } catch (NumberFormatException bad) {
            throw new ModerationProblem.Invalid(List.of(Text.of("moderation.problem.banPeriod")));
        }
    }

    // ---- bans

    private void bans(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        Html.ok(ctx, pages.render("mod/bans.jte", new BansPage(views.chrome(ctx), gate.csrf(ctx),
                moderation.bans(m).stream().map(b -> banRow(ctx, b)).toList())));
    }

    private BansPage.Row banRow(RoutingContext ctx, Bans.Ban b) {
        Messages t = views.t(ctx);
        return new BansPage.Row("/mod/bans/" + b.id() + "/lift", b.circle() == null ? t.get("moderation.wholeNode")
                : b.circle(), b.pseudonym(), b.reason(), views.date(ctx, b.createdAt()),
                b.until() == null ? t.get("moderation.ban.forEver")
                        : t.get("moderation.ban.until", views.date(ctx, b.until())));
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
        Messages t = views.t(ctx);
        Html.ok(ctx, pages.render("mod/circles.jte", new CirclesPolicyPage(views.chrome(ctx), gate.csrf(ctx),
                forum.circles().stream().filter(c -> m.canModerate(c.name()))
                        .map(c -> new CirclesPolicyPage.Row("/mod/circles/" + c.name(), c.name(), c.title(),
                                moderation.policy(c.name()).wire()))
                        .toList(),
                Arrays.stream(PostingPolicy.values()).map(p -> new Option(p.wire(), t.get(p.key()))).toList())));
    }

    private void setPolicy(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        if (gate.csrfAccepted(ctx)) {
            String circle = forum.circle(ctx.pathParam("circle")).name();
            PostingPolicy policy;
            try {
                policy = PostingPolicy.parse(ctx.request().getFormAttribute("policy"));
            } catch (IllegalArgumentException bad) {
                throw new ModerationProblem.Invalid(List.of(Text.of("moderation.problem.policy")));
            }
            moderation.setPolicy(m, circle, policy);
        }
        Html.seeOther(ctx, "/mod/circles");
    }

    // ---- second factor

    private void renderSecondFactor(RoutingContext ctx, int status, List<Text> errors) {
        Moderator m = gate.require(ctx);
        boolean enabled = accounts.hasSecondFactor(m);
        String secret = enabled ? "" : accounts.pendingSecondFactor(m).orElseGet(() -> accounts.beginSecondFactor(m));
        Html.send(ctx, status, pages.render("mod/second-factor.jte", new SecondFactorPage(views.chrome(ctx),
                gate.csrf(ctx), enabled, secret,
                enabled ? "" : Totp.uri(views.chrome(ctx).nodeName(), m.name(), secret), views.say(ctx, errors))));
    }

    private void confirmSecondFactor(RoutingContext ctx) {
        Moderator m = gate.require(ctx);
        if (!gate.csrfAccepted(ctx)) {
            renderSecondFactor(ctx, 403, List.of(ForumRoutes.EXPIRED_FORM));
            return;
        }
        if (!accounts.confirmSecondFactor(m, ctx.request().getFormAttribute("code"))) {
            renderSecondFactor(ctx, 400, List.of(Text.of("moderation.secondFactor.mismatch")));
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

    /** Whole minutes to wait, at least one (the words are the bundle's plural). */
    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
