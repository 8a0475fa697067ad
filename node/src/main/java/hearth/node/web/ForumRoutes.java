package hearth.node.web;

import hearth.node.author.AuthorIds;
import hearth.node.config.NodeConfig;
import hearth.node.forum.Circle;
import hearth.node.forum.Draft;
import hearth.node.forum.Expiry;
import hearth.node.forum.ForumProblem;
import hearth.node.forum.ForumService;
import hearth.node.forum.ForumThread;
import hearth.node.forum.Page;
import hearth.node.forum.Post;
import hearth.node.forum.PostRef;
import hearth.node.forum.PseudonymChoice;
import hearth.node.forum.ThreadSummary;
import hearth.node.moderation.ModerationProblem;
import hearth.node.moderation.ModerationService;
import hearth.node.moderation.ReportReason;
import hearth.node.moderation.Reports;
import hearth.node.reactions.Reactions;
import hearth.node.store.DiskFull;
import hearth.ui.Pages;
import hearth.ui.i18n.Messages;
import hearth.ui.i18n.Text;
import hearth.ui.view.NoticePage;
import hearth.ui.view.Option;
import hearth.ui.view.ReportPage;
import hearth.ui.view.AboutPage;
import hearth.ui.view.CirclePage;
import hearth.ui.view.ComposeForm;
import hearth.ui.view.ComposePage;
import hearth.ui.view.DeletePage;
import hearth.ui.view.HomePage;
import hearth.ui.view.MinePage;
import hearth.ui.view.ThreadPage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The local forum's pages: circles, threads, posting, editing and deleting her own posts.
 * Each handler parses, calls {@link ForumService}, and renders. Handlers block on the
 * database, so they run on the web verticle's virtual threads.
 */
final class ForumRoutes {

    /** A form whose token did not match: too old, or sent from another site. */
    static final Text EXPIRED_FORM = Text.of("common.form.expired");
    /** A lifetime for a new post other than the ones the form offers. */
    static final Text EXPIRY_NOT_OFFERED = Text.of("traces.expiry.invalid");
    /** The disk is full: nothing was saved, and she can send the same words again later. */
    static final Text DISK_FULL = Text.of("common.form.diskFull");
    /** What a full disk answers: a temporary failure of this server, not of her request. */
    static final int DISK_FULL_STATUS = 503;

    private final ForumService forum;
    private final Pages pages;
    private final Views views;
    private final NodeConfig config;
    private final AuthorIds ids;
    private final FormTokens tokens;
    private final boolean secureCookies;
    private final ConsoleGate gate;
    private final ModerationService moderation;
    private final Reactions reactions;
    private final CrisisNote crisisNote;
    private final Slowdown slowdown;
    private final ReaderPages readerPages;

    ForumRoutes(ForumService forum, Pages pages, Views views, NodeConfig config, AuthorIds ids, FormTokens tokens,
                boolean secureCookies, ConsoleGate gate, ModerationService moderation, Reactions reactions,
                Slowdown slowdown, ReaderPages readerPages) {
        this.slowdown = slowdown;
        this.readerPages = readerPages;
        this.reactions = reactions;
        this.gate = gate;
        this.moderation = moderation;
        this.forum = forum;
        this.pages = pages;
        this.views = views;
        this.config = config;
        this.ids = ids;
        this.tokens = tokens;
        this.secureCookies = secureCookies;
        this.crisisNote = new CrisisNote(config.crisisNote(), secureCookies);
    }

    private void keptForReaders(RoutingContext ctx) {
        readerPages.mark(ctx, views.languages());
    }

    void register(Router router) {
        // The reading pages are kept for a moment for readers without a cookie (ReaderPages).
        router.get("/").handler(this::keptForReaders).handler(this::home);
        router.get("/about").handler(this::about);
        router.get("/mine").handler(this::mine);
        router.get("/c/:circle").handler(this::keptForReaders).handler(this::circle);
        router.get("/c/:circle/new").handler(this::newThreadForm);
        router.post("/c/:circle/new").handler(this::startThread);
        router.get("/c/:circle/t/:thread").handler(this::keptForReaders).handler(this::thread);
        router.post("/c/:circle/t/:thread/reply").handler(this::reply);
        router.get("/c/:circle/t/:thread/p/:post/edit").handler(this::editForm);
        router.post("/c/:circle/t/:thread/p/:post/edit").handler(this::edit);
        router.get("/c/:circle/t/:thread/p/:post/delete").handler(this::deleteForm);
        router.post("/c/:circle/t/:thread/p/:post/delete").handler(this::delete);
        router.get("/c/:circle/t/:thread/p/:post/report").handler(this::reportForm);
        router.post("/c/:circle/t/:thread/p/:post/report").handler(this::report);
    }

    // ---- reading

    private void home(RoutingContext ctx) {
        List<Circle> circles = forum.circles();
        Html.ok(ctx, pages.home(new HomePage(views.chrome(ctx), config.node().description(),
                circles.stream().map(c -> views.card(ctx, c)).toList())));
    }

    private void about(RoutingContext ctx) {
        Html.ok(ctx, pages.about(new AboutPage(views.chrome(ctx), config.node().description(), config.node().rules())));
    }

    private void mine(RoutingContext ctx) {
        String authorId = visitor(ctx).authorId();
        var posts = authorId == null ? List.<hearth.ui.view.MyPostRow>of()
                : forum.postsBy(authorId).stream().map(p -> views.myPost(ctx, p)).toList();
        Html.ok(ctx, pages.mine(new MinePage(views.chrome(ctx), authorId != null, posts)));
    }

    private void circle(RoutingContext ctx) {
        String name = ctx.pathParam("circle");
        Circle circle = forum.circle(name);
        String cursor = ctx.request().getParam("after");
        Page<ThreadSummary> page = forum.threads(name, cursor);
        String next = page.nextCursor() == null ? null
                : Views.circleUrl(name) + "?after=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8);
        Html.ok(ctx, pages.circle(new CirclePage(views.chrome(ctx), circle.title(), circle.description(),
                Views.newThreadUrl(name), page.items().stream().map(t -> views.row(ctx, t)).toList(), next,
                cursor == null || cursor.isBlank(), FeedRoutes.circleFeedUrl(name))));
    }

    private void thread(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        ForumThread thread = visibleThread(ctx, visitor);
        boolean note = crisisNote.take(ctx, Views.threadUrl(thread.circleName(), thread.id()));
        renderThread(ctx, 200, visitor, thread, null, List.of(), note);
    }

    /**
     * The thread, if this reader may see it: a thread whose opening post is held is seen only by
     * its author and the circle's moderators; to everyone else it does not exist.
     */
    private ForumThread visibleThread(RoutingContext ctx, Visitor visitor) {
        ForumThread thread = forum.thread(ctx.pathParam("circle"), ctx.pathParam("thread"));
        requireVisible(ctx, visitor, thread.opening());
        return thread;
    }

    /** A held thread is shown only to its author and the circle's moderators. */
    private void requireVisible(RoutingContext ctx, Visitor visitor, Post opening) {
        if (opening.held() && !opening.removed() && !moderates(ctx, opening.circleName())
                && !Views.isAuthor(opening, visitor.authorId())) {
            throw new ForumProblem.NotFound("thread");
        }
    }

    private boolean moderates(RoutingContext ctx, String circle) {
        return gate.current(ctx).map(m -> m.canModerate(circle)).orElse(false);
    }

    private void renderThread(RoutingContext ctx, int status, Visitor visitor, ForumThread thread, Draft draft,
                              List<Text> errors) {
        renderThread(ctx, status, visitor, thread, draft, errors, false);
    }

    /**
     * Renders a thread; a null {@code draft} means an empty reply form under the name she uses here.
     *
     * @param crisisNote whether to show the gentle note at the top (see {@link CrisisNote})
     */
    private void renderThread(RoutingContext ctx, int status, Visitor visitor, ForumThread thread, Draft draft,
                              List<Text> errors, boolean crisisNote) {
        String authorId = visitor.authorId();
        Circle circle = forum.circle(thread.circleName());
        String oneOff = forum.oneOffPseudonym(authorId, thread.id()).orElse(null);
        Draft shown = draft != null ? draft
                : new Draft("", "", oneOff != null ? PseudonymChoice.ONE_OFF : PseudonymChoice.USUAL);
        boolean moderates = moderates(ctx, thread.circleName());
        String removed = thread.opening().removedReason();
        boolean closed = thread.locked() || removed != null;
        ComposeForm reply = closed && draft == null ? null
                : views.form(Views.replyUrl(thread.circleName(), thread.id()), tokens.issue(visitor.key()),
                        false, shown, true, forum.usualPseudonym(authorId).orElse(null), oneOff, views.say(ctx, errors),
                        views.t(ctx).get("forum.compose.postReply"));
        // A thread removed by moderators shows only the reason, except to its moderators.
        var reactionsOn = new ReactionsContext(reactions.board(authorId, thread.posts().stream().map(Post::id).toList()),
                tokens.issue(visitor.key()), views.t(ctx), ctx.request().getParam(ReactionsContext.OPEN));
        var posts = removed != null && !moderates ? List.<hearth.ui.view.PostView>of()
                : views.posts(ctx, thread, authorId, moderates, reactionsOn);
        Html.send(ctx, status, pages.thread(new ThreadPage(views.chrome(ctx), Views.circleUrl(circle.name()),
                circle.title(), thread.title(), posts, reply, thread.locked(), removed, crisisNote,
                removed != null || thread.opening().held() ? null : FeedRoutes.threadFeedUrl(circle.name(), thread.id()))));
    }

    // ---- starting a thread

    private void newThreadForm(RoutingContext ctx) {
        Circle circle = forum.circle(ctx.pathParam("circle"));
        renderNewThread(ctx, 200, visitor(ctx), circle, new Draft("", "", PseudonymChoice.USUAL), List.of());
    }

    private void startThread(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        Circle circle = forum.circle(ctx.pathParam("circle"));
        Draft draft = draft(ctx);
        if (!tokens.accepts(ctx.request().getFormAttribute("csrf"), visitor.key())) {
            renderNewThread(ctx, 403, visitor, circle, draft, List.of(EXPIRED_FORM));
            return;
        }
        Text wait = slowdown.post(ctx, visitor.authorId());
        if (wait != null) {
            renderNewThread(ctx, 429, visitor, circle, draft, List.of(wait));
            return;
        }
        if (!Expiry.allowed(draft.expiresInDays())) {
            renderNewThread(ctx, 400, visitor, circle, draft, List.of(EXPIRY_NOT_OFFERED));
            return;
        }
        try {
            PostRef ref = forum.startThread(visitor.authorIdForWriting(), circle.name(), draft);
            visitor.keepKey();
            crisisNote.afterPosting(ctx, draft, Views.threadUrl(ref.circleName(), ref.threadId()));
            Html.seeOther(ctx, Views.threadUrl(ref.circleName(), ref.threadId()));
        } catch (ForumProblem.InvalidDraft invalid) {
            renderNewThread(ctx, invalid.status(), visitor, circle, invalid.draft(), invalid.problems());
        } catch (DiskFull full) {
            Failures.retryLater(ctx);
            renderNewThread(ctx, DISK_FULL_STATUS, visitor, circle, draft, List.of(DISK_FULL));
        }
    }

    private void renderNewThread(RoutingContext ctx, int status, Visitor visitor, Circle circle, Draft draft,
                                 List<Text> errors) {
        Messages t = views.t(ctx);
        ComposeForm form = views.form(Views.newThreadUrl(circle.name()), tokens.issue(visitor.key()), true, draft,
                true, forum.usualPseudonym(visitor.authorId()).orElse(null), null, views.say(ctx, errors),
                t.get("forum.compose.postThread"));
        Html.send(ctx, status, pages.compose(new ComposePage(views.chrome(ctx),
                t.get("forum.compose.newThread", circle.title()),
                Views.circleUrl(circle.name()), circle.title(), form)));
    }

    // ---- replying

    private void reply(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        // Only the opening post decides who may reply; the whole thread is read only to show a problem.
        Post opening = forum.openingPost(ctx.pathParam("circle"), ctx.pathParam("thread"));
        requireVisible(ctx, visitor, opening);
        Draft draft = draft(ctx);
        if (!tokens.accepts(ctx.request().getFormAttribute("csrf"), visitor.key())) {
            renderThread(ctx, 403, visitor, visibleThread(ctx, visitor), draft, List.of(EXPIRED_FORM));
            return;
        }
        Text wait = slowdown.post(ctx, visitor.authorId());
        if (wait != null) {
            renderThread(ctx, 429, visitor, visibleThread(ctx, visitor), draft, List.of(wait));
            return;
        }
        if (!Expiry.allowed(draft.expiresInDays())) {
            renderThread(ctx, 400, visitor, visibleThread(ctx, visitor), draft, List.of(EXPIRY_NOT_OFFERED));
            return;
        }
        try {
            PostRef ref = forum.reply(visitor.authorIdForWriting(), opening.circleName(), opening.threadId(), draft);
            visitor.keepKey();
            crisisNote.afterPosting(ctx, draft, Views.threadUrl(ref.circleName(), ref.threadId()));
            Html.seeOther(ctx, Views.postUrl(ref));
        } catch (ForumProblem.InvalidDraft invalid) {
            renderThread(ctx, invalid.status(), visitor, visibleThread(ctx, visitor), invalid.draft(),
                    invalid.problems());
        } catch (DiskFull full) {
            Failures.retryLater(ctx);
            renderThread(ctx, DISK_FULL_STATUS, visitor, visibleThread(ctx, visitor), draft, List.of(DISK_FULL));
        }
    }

    // ---- editing and deleting her own posts

    private void editForm(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        Post post = ownPost(ctx, visitor);
        String title = post.opening() ? forum.threadTitle(post.threadId()) : "";
        renderEdit(ctx, 200, visitor, post, new Draft(title, post.source(), PseudonymChoice.USUAL,
                post.contentWarning(), 0), List.of());
    }

    private void edit(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        Post post = ownPost(ctx, visitor);
        Draft draft = draft(ctx);
        if (!tokens.accepts(ctx.request().getFormAttribute("csrf"), visitor.key())) {
            renderEdit(ctx, 403, visitor, post, draft, List.of(EXPIRED_FORM));
            return;
        }
        Text wait = slowdown.post(ctx, visitor.authorId());
        if (wait != null) {
            renderEdit(ctx, 429, visitor, post, draft, List.of(wait));
            return;
        }
        try {
            PostRef ref = forum.edit(visitor.authorId(), post.circleName(), post.threadId(), post.id(), draft);
            crisisNote.afterPosting(ctx, draft, Views.threadUrl(ref.circleName(), ref.threadId()));
            Html.seeOther(ctx, Views.postUrl(ref));
        } catch (ForumProblem.InvalidDraft invalid) {
            renderEdit(ctx, invalid.status(), visitor, post, invalid.draft(), invalid.problems());
        } catch (DiskFull full) {
            Failures.retryLater(ctx);
            renderEdit(ctx, DISK_FULL_STATUS, visitor, post, draft, List.of(DISK_FULL));
        }
    }

    private void renderEdit(RoutingContext ctx, int status, Visitor visitor, Post post, Draft draft,
                            List<Text> errors) {
        Messages t = views.t(ctx);
        ComposeForm form = views.form(Views.editUrl(post.circleName(), post.threadId(), post.id()),
                tokens.issue(visitor.key()), post.opening(), draft, false, null, null, views.say(ctx, errors),
                t.get("forum.compose.save"));
        Html.send(ctx, status, pages.compose(new ComposePage(views.chrome(ctx),
                t.get(post.opening() ? "forum.compose.editThread" : "forum.compose.editReply"),
                Views.postUrl(new PostRef(post.circleName(), post.threadId(), post.id())),
                t.get("forum.compose.backToThread"), form)));
    }

    private void deleteForm(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        renderDelete(ctx, 200, visitor, ownPost(ctx, visitor), List.of());
    }

    private void renderDelete(RoutingContext ctx, int status, Visitor visitor, Post post, List<Text> errors) {
        String excerpt = post.source().length() > 300 ? post.source().substring(0, 299) + "…" : post.source();
        Html.send(ctx, status, pages.confirmDelete(new DeletePage(views.chrome(ctx),
                Views.deleteUrl(post.circleName(), post.threadId(), post.id()), tokens.issue(visitor.key()), excerpt,
                post.opening(), Views.postUrl(new PostRef(post.circleName(), post.threadId(), post.id())),
                views.say(ctx, errors))));
    }

    private void delete(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        Post post = ownPost(ctx, visitor);
        if (!tokens.accepts(ctx.request().getFormAttribute("csrf"), visitor.key())) {
            renderDelete(ctx, 403, visitor, post, List.of(EXPIRED_FORM));
            return;
        }
        boolean threadStillShown = forum.delete(visitor.authorId(), post.circleName(), post.threadId(), post.id());
        Html.seeOther(ctx, threadStillShown ? Views.threadUrl(post.circleName(), post.threadId())
                : Views.circleUrl(post.circleName()));
    }

    // ---- reporting a post, without an account

    private void reportForm(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        renderReport(ctx, 200, visitor, reportable(ctx, visitor), "", "", List.of());
    }

    private void report(RoutingContext ctx) {
        Visitor visitor = visitor(ctx);
        Post post = reportable(ctx, visitor);
        var form = ctx.request().formAttributes();
        String reason = form.get("reason") == null ? "" : form.get("reason");
        String comment = form.get("comment") == null ? "" : form.get("comment");
        if (!tokens.accepts(form.get("csrf"), visitor.key())) {
            renderReport(ctx, 403, visitor, post, reason, comment, List.of(EXPIRED_FORM));
            return;
        }
        int length = comment.strip().codePointCount(0, comment.strip().length());
        if (length > Reports.COMMENT_MAX) {
            // Never cut her note short behind her back: she shortens it herself.
            renderReport(ctx, 400, visitor, post, reason, comment,
                    List.of(Text.of("forum.problem.commentTooLong", length, Reports.COMMENT_MAX)));
            return;
        }
        Text wait = slowdown.report(ctx);
        if (wait != null) {
            renderReport(ctx, 429, visitor, post, reason, comment, List.of(wait));
            return;
        }
        try {
            moderation.report(post.id(), reason, comment);
        } catch (ModerationProblem.Invalid invalid) {
            renderReport(ctx, 400, visitor, post, reason, comment, invalid.problems());
            return;
        }
        Messages t = views.t(ctx);
        Html.ok(ctx, pages.render("notice.jte", new NoticePage(views.chrome(ctx), t.get("forum.report.thanks"),
                t.get("forum.report.sent"), Views.threadUrl(post.circleName(), post.threadId()),
                t.get("forum.report.back"))));
    }

    /** A post readers can see (so can report): not deleted, removed or held. */
    private Post reportable(RoutingContext ctx, Visitor visitor) {
        ForumThread thread = visibleThread(ctx, visitor);
        String postId = ctx.pathParam("post");
        return thread.posts().stream()
                .filter(p -> p.id().equals(postId) && !p.deleted() && !p.removed() && !p.held())
                .findFirst()
                .orElseThrow(() -> new ForumProblem.NotFound("post"));
    }

    private void renderReport(RoutingContext ctx, int status, Visitor visitor, Post post, String reason,
                              String comment, List<Text> errors) {
        Messages t = views.t(ctx);
        String text = post.source().replaceAll("\\s+", " ").strip();
        String excerpt = text.length() > 300 ? text.substring(0, 299) + "…" : text;
        Html.send(ctx, status, pages.render("report.jte", new ReportPage(views.chrome(ctx),
                Views.reportUrl(post.circleName(), post.threadId(), post.id()), tokens.issue(visitor.key()),
                post.pseudonym(), excerpt, Views.postUrl(new PostRef(post.circleName(), post.threadId(), post.id())),
                java.util.Arrays.stream(ReportReason.values()).map(r -> new Option(r.wire(), t.get(r.key()))).toList(),
                reason, comment, Reports.COMMENT_MAX, views.say(ctx, errors))));
    }

    // ---- helpers

    private Post ownPost(RoutingContext ctx, Visitor visitor) {
        return forum.ownPost(visitor.authorId(), ctx.pathParam("circle"), ctx.pathParam("thread"),
                ctx.pathParam("post"));
    }

    private Visitor visitor(RoutingContext ctx) {
        return Visitor.of(ctx, ids, secureCookies);
    }

    private static Draft draft(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        return new Draft(InputGuard.visibleOrEmpty(form.get("title")), InputGuard.visibleOrEmpty(form.get("body")),
                PseudonymChoice.fromForm(form.get("pseudonym")),
                form.get("contentWarning"), expiresInDays(form.get("expires")));
    }

    /** How long she chose to keep a new post: none chosen keeps it; a value not offered becomes -1, refused. */
    static int expiresInDays(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int days = Integer.parseInt(value);
            return Expiry.allowed(days) ? days : -1;
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
