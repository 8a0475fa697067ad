package hearth.node.federation;

import hearth.federation.activity.Flag;
import hearth.node.forum.FederatedPost;
import hearth.node.forum.FederatedPosts;
import hearth.node.moderation.ReportReason;
import hearth.node.moderation.Reports;
import hearth.node.store.Database;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@code Flag} from another server into reports in this node's moderation queue: one
 * per reported post that is this node's to moderate (written here, or kept in one of its
 * circles). Anything else it names (an actor, a post elsewhere) is passed over. The report
 * records only the sending server's host; the Flag's words become its comment, as plain text.
 *
 * <p>The Flag has been verified like any activity, and a replay never gets here (the inbox keeps
 * every activity id). Thread-safe; blocks on the store.
 */
final class FlagIntake {

    /** At most this many of a Flag's objects are looked at, and at most this many reports filed. */
    static final int MAX_OBJECTS = 20;
    static final int MAX_REPORTS = 5;

    private final Database db;
    private final FederatedPosts posts;
    private final Urls urls;
    private final Clock clock;

    FlagIntake(Database db, FederatedPosts posts, Urls urls, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.urls = urls;
        this.clock = clock;
    }

    /** Files the reports; returns how many. */
    int receive(Flag flag) {
        Set<String> reported = new LinkedHashSet<>();
        for (URI object : flag.objects().subList(0, Math.min(MAX_OBJECTS, flag.objects().size()))) {
            ours(object).ifPresent(reported::add);
            if (reported.size() == MAX_REPORTS) {
                break;
            }
        }
        if (reported.isEmpty()) {
            return 0;
        }
        ReportReason reason = reasonOf(flag.content());
        String comment = plainText(flag.content(), Reports.COMMENT_MAX);
        String origin = Urls.authorityOf(flag.actor());
        long now = clock.millis();
        db.write(c -> {
            for (String postId : reported) {
                Reports.insert(c, postId, reason, comment, origin, now);
            }
            return null;
        });
        return reported.size();
    }

    /** The local id of a post this node moderates: one of its own, or any post in one of its circles. */
    private Optional<String> ours(URI object) {
        Optional<Urls.Local> local = urls.local(object);
        Optional<FederatedPost> post;
        if (local.isPresent()) {
            Urls.Local l = local.get();
            if (l.postId() != null) {
                post = posts.post(l.postId()).filter(p -> p.threadId().equals(l.threadId()) && p.local());
            } else if (l.threadId() != null) {
                post = posts.thread(l.threadId()).stream().findFirst().filter(p -> p.opening() && p.local());
            } else {
                post = Optional.empty();
            }
        } else {
            post = posts.postIdByApId(object).flatMap(posts::post).filter(FederatedPost::inLocalCircle);
        }
        return post.filter(p -> !p.deleted()).map(FederatedPost::id);
    }

    /**
     * Hearth sends the reason's label first ("Harmful advice", then her comment); Lemmy sends
     * its reason as free text; anything unrecognised is "other".
     */
    static ReportReason reasonOf(String content) {
        String text = plainText(content, 200).toLowerCase(Locale.ROOT);
        for (ReportReason reason : ReportReason.values()) {
            for (String name : List.of(reason.wire(), reason.label().toLowerCase(Locale.ROOT),
                    reason.wire().replace('-', ' '))) {
                if (text.equals(name) || text.startsWith(name + "\n") || text.startsWith(name + ":")
                        || text.startsWith(name + ".")) {
                    return reason;
                }
            }
        }
        return ReportReason.OTHER;
    }

    /** Text only: markup and control characters out, entities read, at most {@code max} characters. */
    static String plainText(String content, int max) {
        if (content == null) {
            return "";
        }
        String text = content.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]*>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&")
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").replaceAll("[\\p{Cf}]", "").strip();
        return ContentIntake.clip(text, max);
    }
}
