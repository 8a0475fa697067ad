package hearth.node.moderation;

import java.util.List;

/**
 * One post waiting for a moderator: held, reported, or both, with its open reports and the post
 * before it in the thread (its context). {@code html} is already cleaned. Never says who reported.
 */
public record QueueItem(String postId, String threadId, String circle, String threadTitle, String pseudonym,
                        String html, boolean opening, boolean held, String removedReason, boolean threadLocked,
                        long createdAt, List<Report> reports, String contextPseudonym, String contextHtml) {

    public QueueItem {
        reports = List.copyOf(reports);
    }

    /** An open report; {@code origin} is null for a reader here, or the node that forwarded it. */
    public record Report(String id, ReportReason reason, String comment, String origin, long createdAt) {
    }

    public boolean atRisk() {
        return reports.stream().anyMatch(r -> r.reason() == ReportReason.AT_RISK);
    }

    /** When it started waiting: the oldest open report, or the post itself if it is held. */
    public long waitingSince() {
        long oldest = held ? createdAt : Long.MAX_VALUE;
        for (Report r : reports) {
            oldest = Math.min(oldest, r.createdAt());
        }
        return oldest;
    }
}
