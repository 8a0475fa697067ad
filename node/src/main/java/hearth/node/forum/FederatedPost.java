package hearth.node.forum;

import java.net.URI;

/**
 * A post with everything federation needs to describe it: where its circle and author live
 * ({@code circleActor} and {@code authorActor} are null when local) and, for a post that came
 * from elsewhere, its id there and the activity that brought it. {@code contentWarning} is null for
 * none, {@link ContentWarning#GENERIC} for a post marked sensitive without words.
 */
public record FederatedPost(String id, String threadId, String circleName, URI circleActor, boolean opening,
        String title, String source, String html, long createdAt, Long editedAt, Long deletedAt,
        String pseudonymId, String pseudonymName, URI authorActor, URI apId, URI inReplyTo, String activityJson,
        URI threadApId, URI threadContext, boolean threadRemoved, String contentWarning) {

    public boolean local() {
        return authorActor == null;
    }

    public boolean inLocalCircle() {
        return circleActor == null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
