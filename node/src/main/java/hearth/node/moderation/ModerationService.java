package hearth.node.moderation;

import hearth.node.forum.Bans;
import hearth.node.forum.ForumModeration;
import hearth.node.forum.ForumModeration.Target;
import hearth.node.forum.ForumProblem;
import hearth.node.forum.PostingPolicy;
import hearth.node.store.Database;
import hearth.node.store.Ids;
import hearth.ui.i18n.Text;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The moderation queue and what moderators do with it. Every action checks that she may act in
 * that circle, changes the forum and writes the public moderation log in one transaction.
 * Reports come from anyone, without an account. Thread-safe; methods block on the database.
 *
 * <pre>{@code
 * moderation.report(postId, "at-risk", "She said she has a plan");
 * moderation.remove(moderator, postId, "Shares a method");
 * }</pre>
 */
public final class ModerationService {

    /** Longest removal or ban reason. */
    public static final int REASON_MAX = 500;
    private static final int QUEUE_MAX = 200;

    private final Database db;
    private final ForumModeration forum;
    private final Clock clock;
    private final List<Runnable> reportListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ModerationService(Database db, ForumModeration forum, Clock clock) {
        this.db = db;
        this.forum = forum;
        this.clock = clock;
    }

    /** Runs after each new report is committed (the outbox forwards reports on remote posts). */
    public void onReport(Runnable listener) {
        reportListeners.add(listener);
    }

    // ---- reports, from anyone

    /** Files an anonymous report on a post readers can see. */
    public void report(String postId, String reason, String comment) {
        ReportReason why = ReportReason.parse(reason).orElse(null);
        String text = comment == null ? "" : comment.strip();
        List<Text> problems = new ArrayList<>();
        if (why == null) {
            problems.add(Text.of("moderation.problem.reportReason"));
        }
        if (text.length() > Reports.COMMENT_MAX) {
            problems.add(Text.of("moderation.problem.reportTooLong", text.length(), Reports.COMMENT_MAX));
        }
        if (!problems.isEmpty()) {
            throw new ModerationProblem.Invalid(problems);
        }
        long now = clock.millis();
        db.write(c -> {
            Target t = visibleTarget(c, postId);
            Reports.insert(c, t.postId(), why, text, null, now);
            return null;
        });
        reportListeners.forEach(Runnable::run);
    }

    private Target visibleTarget(Connection c, String postId) throws SQLException {
        return (Ids.looksValid(postId) ? forum.target(c, postId) : java.util.Optional.<Target>empty())
                .filter(t -> !t.deleted() && !t.removed() && !t.held())
                .orElseThrow(() -> new ForumProblem.NotFound("post"));
    }

    // ---- the queue

    /** Held and reported posts in her circles: anyone possibly at risk first, then oldest first. */
    public List<QueueItem> queue(Moderator m) {
        return db.read(c -> {
            List<QueueItem> items = new ArrayList<>();
            for (String postId : Reports.waitingPosts(c, m.admin() ? null : m.circles(), QUEUE_MAX)) {
                items.add(item(c, forum.target(c, postId).orElseThrow()));
            }
            items.sort(Comparator.comparing((QueueItem i) -> !i.atRisk()).thenComparingLong(QueueItem::waitingSince));
            return items;
        });
    }

    /** One post of her circles as the console shows it, waiting or not. */
    public QueueItem item(Moderator m, String postId) {
        return db.read(c -> {
            Target t = existing(c, postId);
            requireCircle(m, t.circle());
            return item(c, t);
        });
    }

    /** The opening post of a thread of her circles (the console shows a thread through it). */
    public String openingPost(Moderator m, String threadId) {
        return db.read(c -> {
            Target opening = openingOf(c, threadId);
            requireCircle(m, opening.circle());
            return opening.postId();
        });
    }

    private QueueItem item(Connection c, Target t) throws SQLException {
        ForumModeration.Content content = forum.content(c, t.postId()).orElseThrow();
        return new QueueItem(t.postId(), t.threadId(), t.circle(), t.threadTitle(), t.pseudonym(), content.html(),
                t.opening(), t.held() && !t.removed(), t.removedReason(), t.threadLocked(), content.createdAt(),
                Reports.open(c, t.postId()), content.previousPseudonym(), content.previousHtml());
    }

    private Target existing(Connection c, String postId) throws SQLException {
        return (Ids.looksValid(postId) ? forum.target(c, postId) : java.util.Optional.<Target>empty())
                .filter(x -> !x.deleted())
                .orElseThrow(() -> new ForumProblem.NotFound("post"));
    }

    // ---- actions

    public void approve(Moderator m, String postId) {
        act(m, postId, (c, t, now) -> {
            if (!t.held()) {
                return;
            }
            forum.approve(c, t, now);
            ModLog.record(c, now, t.circle(), "approve", "", t.pseudonym(), m.id());
        });
    }

    public void remove(Moderator m, String postId, String reason) {
        String why = requireReason(reason, Text.of("moderation.problem.removeReason"));
        act(m, postId, (c, t, now) -> {
            if (t.removed()) {
                return;
            }
            forum.remove(c, t, why, now);
            Reports.resolve(c, t.postId(), "removed", now);
            ModLog.record(c, now, t.circle(), t.opening() ? "remove-thread" : "remove-post", why, t.pseudonym(),
                    m.id());
        });
    }

    public void restore(Moderator m, String postId) {
        act(m, postId, (c, t, now) -> {
            if (!t.removed()) {
                return;
            }
            forum.restore(c, t);
            ModLog.record(c, now, t.circle(), "restore", "", t.pseudonym(), m.id());
        });
    }

    /** Closes the open reports on a post without acting on it. Not in the public log: it would say someone reported. */
    public void dismiss(Moderator m, String postId) {
        act(m, postId, (c, t, now) -> Reports.resolve(c, t.postId(), "dismissed", now));
    }

    public void lock(Moderator m, String threadId, boolean locked) {
        long now = clock.millis();
        db.write(c -> {
            Target opening = openingOf(c, threadId);
            requireCircle(m, opening.circle());
            forum.lock(c, opening, locked);
            ModLog.record(c, now, opening.circle(), locked ? "lock" : "unlock", "", opening.threadTitle(), m.id());
            return null;
        });
        forum.changed();
    }

    private Target openingOf(Connection c, String threadId) throws SQLException {
        return (Ids.looksValid(threadId) ? forum.opening(c, threadId) : java.util.Optional.<Target>empty())
                .orElseThrow(() -> new ForumProblem.NotFound("thread"));
    }

    /**
     * Bans the author behind a post's pseudonym, from its circle or (node admins only) the whole
     * node, for {@code period} or for ever (null). Every pseudonym of hers here is covered; the
     * moderator and the log only ever see the one she acted on.
     */
    public void ban(Moderator m, String postId, boolean wholeNode, Duration period, String reason) {
        String why = requireReason(reason, Text.of("moderation.problem.banReason"));
        if (wholeNode && !m.admin()) {
            throw new ModerationProblem.NotAllowed(Text.of("moderation.problem.banNodeAdminOnly"));
        }
        act(m, postId, (c, t, now) -> {
            Long until = period == null ? null : now + period.toMillis();
            forum.ban(c, t, wholeNode ? null : t.circle(), why, now, until);
            ModLog.record(c, now, wholeNode ? null : t.circle(),
                    (wholeNode ? "ban-node" : "ban-circle") + (period == null ? "" : "-" + period.toDays() + "d"),
                    why, t.pseudonym(), m.id());
        });
    }

    /** Active bans she can see: node admins all, circle moderators those in their circles. */
    public List<Bans.Ban> bans(Moderator m) {
        return db.read(c -> Bans.active(c, clock.millis())).stream()
                .filter(b -> m.admin() || (b.circle() != null && m.canModerate(b.circle())))
                .toList();
    }

    public void liftBan(Moderator m, String banId) {
        long now = clock.millis();
        db.write(c -> {
            var ban = bans(m).stream().filter(b -> b.id().equals(banId)).findFirst()
                    .orElseThrow(() -> new ForumProblem.NotFound("ban"));
            forum.liftBan(c, ban.id(), now);
            ModLog.record(c, now, ban.circle(), "lift-ban", "", ban.pseudonym(), m.id());
            return null;
        });
    }

    public PostingPolicy policy(String circle) {
        return db.read(c -> forum.policy(c, circle));
    }

    public void setPolicy(Moderator m, String circle, PostingPolicy policy) {
        requireCircle(m, circle);
        long now = clock.millis();
        db.write(c -> {
            if (forum.policy(c, circle) != policy) {
                forum.setPolicy(c, circle, policy);
                ModLog.record(c, now, circle, "posting-policy", policy.description(), circle, m.id());
            }
            return null;
        });
    }

    /** The public log, newest first; {@code before} (ms) pages back. */
    public List<ModLog.Entry> log(Long before, int limit) {
        return db.read(c -> ModLog.latest(c, before, limit));
    }

    // ---- helpers

    @FunctionalInterface
    private interface Action {
        void apply(Connection c, Target t, long now) throws SQLException;
    }

    private void act(Moderator m, String postId, Action action) {
        long now = clock.millis();
        db.write(c -> {
            Target t = existing(c, postId);
            requireCircle(m, t.circle());
            action.apply(c, t, now);
            return null;
        });
        forum.changed();
    }

    private static void requireCircle(Moderator m, String circle) {
        if (!m.canModerate(circle)) {
            throw new ModerationProblem.NotAllowed(Text.of("moderation.problem.otherCircle"));
        }
    }

    private static String requireReason(String reason, Text problem) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ModerationProblem.Invalid(List.of(problem));
        }
        if (why.length() > REASON_MAX) {
            throw new ModerationProblem.Invalid(List.of(Text.of("moderation.problem.reasonTooLong", REASON_MAX,
                    why.length())));
        }
        return why;
    }
}
