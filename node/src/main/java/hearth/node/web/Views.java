package hearth.node.web;

import hearth.node.config.NodeConfig;
import hearth.node.forum.Circle;
import hearth.node.forum.ContentWarning;
import hearth.node.forum.Draft;
import hearth.node.forum.Expiry;
import hearth.node.forum.ForumThread;
import hearth.node.forum.Limits;
import hearth.node.forum.MyPost;
import hearth.node.forum.Post;
import hearth.node.forum.PostRef;
import hearth.node.forum.ThreadSummary;
import hearth.ui.text.PostHtml;
import hearth.ui.i18n.Messages;
import hearth.ui.i18n.Text;
import hearth.ui.view.Chrome;
import hearth.ui.view.CircleCard;
import hearth.ui.view.ComposeForm;
import hearth.ui.view.ContentWarningField;
import hearth.ui.view.ContentWarningView;
import hearth.ui.view.CrisisLine;
import hearth.ui.view.ExpiryChoice;
import hearth.ui.view.MyPostRow;
import hearth.ui.view.PostView;
import hearth.ui.view.ThreadRow;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the forum's records onto the ui library's view models: URLs built, dates and problems as
 * text in the reader's language. Thread-safe.
 */
final class Views {

    private static final String CHROME = "hearth.chrome";
    private static final String WARNING_PREFS = "hearth.warningPrefs";
    private static final String DATE_PATTERN = "d MMM yyyy, HH:mm";

    private final NodeConfig.Node node;
    private final List<CrisisLine> crisisLines;
    private final Languages languages;
    private final ZoneId zone;
    private final Map<String, DateTimeFormatter> dates = new ConcurrentHashMap<>();
    private final List<String> warningTopics;

    Views(NodeConfig config, Languages languages) {
        this.node = config.node();
        this.warningTopics = config.contentWarnings().topics();
        this.crisisLines = config.crisisResources().stream()
                .map(r -> new CrisisLine(r.name(), r.phone(), r.text(), r.hours(), r.url()))
                .toList();
        this.languages = languages;
        this.zone = node.zone();
    }

    Languages languages() {
        return languages;
    }

    /** The page frame for this reader, in her language (worked out once per request). */
    Chrome chrome(RoutingContext ctx) {
        Chrome chrome = ctx.get(CHROME);
        if (chrome == null) {
            String lang = languages.pick(ctx);
            chrome = new Chrome(node.name(), node.exitUrl(), crisisLines, Messages.of(lang), languages.links(ctx, lang));
            ctx.put(CHROME, chrome);
        }
        return chrome;
    }

    /** The reader's interface text. */
    Messages t(RoutingContext ctx) {
        return chrome(ctx).t();
    }

    /** {@code text} in the reader's language; an {@link Instant} among its arguments reads as a date. */
    String say(RoutingContext ctx, Text text) {
        Object[] args = text.args().stream()
                .map(a -> a instanceof Instant at ? date(ctx, at.toEpochMilli()) : a)
                .toArray();
        return t(ctx).get(text.key(), args);
    }

    /** Each of {@code texts} in the reader's language. */
    List<String> say(RoutingContext ctx, List<Text> texts) {
        return texts.stream().map(text -> say(ctx, text)).toList();
    }

    /** A moment as the reader writes dates ("22 Nov 2026, 14:05", "22 nov 2026, 14:05"), in the node's zone. */
    String date(RoutingContext ctx, long millis) {
        Messages t = t(ctx);
        return dates.computeIfAbsent(t.lang(), lang -> DateTimeFormatter.ofPattern(DATE_PATTERN, t.locale())
                .withZone(zone)).format(Instant.ofEpochMilli(millis));
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    // ---- URLs, in one place

    static String circleUrl(String circle) {
        return "/c/" + circle;
    }

    static String newThreadUrl(String circle) {
        return circleUrl(circle) + "/new";
    }

    static String threadUrl(String circle, String thread) {
        return circleUrl(circle) + "/t/" + thread;
    }

    static String replyUrl(String circle, String thread) {
        return threadUrl(circle, thread) + "/reply";
    }

    static String postUrl(PostRef ref) {
        return threadUrl(ref.circleName(), ref.threadId()) + "#" + anchor(ref.postId());
    }

    static String editUrl(String circle, String thread, String post) {
        return threadUrl(circle, thread) + "/p/" + post + "/edit";
    }

    static String deleteUrl(String circle, String thread, String post) {
        return threadUrl(circle, thread) + "/p/" + post + "/delete";
    }

    static String anchor(String postId) {
        return "p-" + postId;
    }

    // ---- records to views

    CircleCard card(RoutingContext ctx, Circle c) {
        return new CircleCard(circleUrl(c.name()), c.title(), c.description(), c.threadCount(),
                c.lastActivityAt() == 0 ? "" : date(ctx, c.lastActivityAt()));
    }

    ThreadRow row(RoutingContext ctx, ThreadSummary t) {
        return new ThreadRow(threadUrl(t.circleName(), t.id()), t.title(), t.pseudonym(), t.replyCount(),
                date(ctx, t.lastActivityAt()), iso(t.lastActivityAt()), warning(ctx, t.contentWarning()));
    }

    /** The reader's content-warning preferences, from her cookie (read once per request). */
    ContentWarningPrefs warningPrefs(RoutingContext ctx) {
        ContentWarningPrefs prefs = ctx.get(WARNING_PREFS);
        if (prefs == null) {
            prefs = ContentWarningPrefs.of(ctx, warningTopics);
            ctx.put(WARNING_PREFS, prefs);
        }
        return prefs;
    }

    /** A stored content warning as this reader sees it (folded or not); null for none. */
    ContentWarningView warning(RoutingContext ctx, String stored) {
        return warningPrefs(ctx).view(stored, t(ctx));
    }

    /**
     * The posts this reader may see: a held post only by its author and the circle's moderators.
     *
     * @param moderates whether the reader is signed in as a moderator of the thread's circle
     */
    List<PostView> posts(RoutingContext ctx, ForumThread thread, String readerAuthorId, boolean moderates,
                         ReactionsContext reactions) {
        return thread.posts().stream()
                .filter(p -> !p.held() || moderates || isAuthor(p, readerAuthorId))
                .map(p -> post(ctx, p, readerAuthorId, moderates, reactions))
                .toList();
    }

    static boolean isAuthor(Post p, String readerAuthorId) {
        return readerAuthorId != null && readerAuthorId.equals(p.authorId());
    }

    private PostView post(RoutingContext ctx, Post p, String readerAuthorId, boolean moderates,
                          ReactionsContext reactions) {
        boolean mine = isAuthor(p, readerAuthorId) && !p.deleted();
        boolean reportable = !p.deleted() && !p.removed() && !p.held() && !mine;
        return new PostView(anchor(p.id()), p.pseudonym(), date(ctx, p.createdAt()), iso(p.createdAt()), p.edited(),
                p.deleted(), p.opening(), PostHtml.alreadyCleaned(p.html()),
                mine ? editUrl(p.circleName(), p.threadId(), p.id()) : null,
                mine ? deleteUrl(p.circleName(), p.threadId(), p.id()) : null,
                p.held(), p.removedReason(),
                reportable ? reportUrl(p.circleName(), p.threadId(), p.id()) : null,
                moderates && !p.deleted() ? moderateUrl(p.id()) : null,
                mine && p.expiresAt() != null ? date(ctx, p.expiresAt()) : null,
                p.deleted() ? null : warning(ctx, p.contentWarning()), reactions.bar(p));
    }

    static String reportUrl(String circle, String thread, String post) {
        return threadUrl(circle, thread) + "/p/" + post + "/report";
    }

    static String moderateUrl(String post) {
        return "/mod/posts/" + post;
    }

    MyPostRow myPost(RoutingContext ctx, MyPost p) {
        return new MyPostRow(postUrl(p.ref()), p.threadTitle(), p.pseudonym(), p.excerpt(), date(ctx, p.createdAt()),
                p.deleted(), p.opening(), p.held(), p.removedReason(),
                !p.deleted() && p.expiresAt() != null ? date(ctx, p.expiresAt()) : null);
    }

    /**
     * A compose form holding {@code draft} exactly as she typed it. A new post (one that chooses
     * its name) also chooses how long it stays; an edit keeps both as they were.
     *
     * @param usual    her usual pseudonym, or null if she has none yet
     * @param oneOff   her thread-only pseudonym here, or null
     */
    ComposeForm form(String action, String csrf, boolean withTitle, Draft draft, boolean choosePseudonym,
                     String usual, String oneOff, List<String> errors, String submitLabel) {
        return new ComposeForm(action, csrf, withTitle, draft.title(), draft.body(), choosePseudonym,
                draft.pseudonym().formValue(), usual, oneOff, errors, submitLabel, Limits.TITLE_MAX, Limits.BODY_MAX,
                choosePseudonym ? new ExpiryChoice(EXPIRY_CHOICES, draft.expiresInDays()) : null,
                new ContentWarningField(draft.contentWarning(), warningTopics, ContentWarning.MAX));
    }

    /** The lifetimes a new post may choose ({@link Expiry#CHOICES}), with their words. */
    private static final List<ExpiryChoice.Choice> EXPIRY_CHOICES = List.of(
            new ExpiryChoice.Choice(0, "traces.expiry.choice.0"),
            new ExpiryChoice.Choice(1, "traces.expiry.choice.1"),
            new ExpiryChoice.Choice(7, "traces.expiry.choice.7"),
            new ExpiryChoice.Choice(30, "traces.expiry.choice.30"));
}
