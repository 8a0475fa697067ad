package hearth.node.forum;

import hearth.ui.text.PostHtml;
import java.net.URI;

/**
 * A post from another server, checked and cleaned, ready to store: in {@code threadId} (a
 * known thread), or as a new thread when {@code opening}. {@code activityJson} is the activity
 * that brought it, kept so a circle of this node can pass it on to its followers unchanged.
 * {@code contentWarning} is null for none (see {@link ContentWarning#fromRemote}).
 */
public record RemotePost(URI apId, URI authorActor, String authorName, String circleName, String threadId,
        boolean opening, String title, URI threadApId, URI context, URI inReplyTo, String source, PostHtml html,
        long publishedAt, String activityJson, String contentWarning) {

    /** A post without a content warning. */
    public RemotePost(URI apId, URI authorActor, String authorName, String circleName, String threadId,
            boolean opening, String title, URI threadApId, URI context, URI inReplyTo, String source, PostHtml html,
            long publishedAt, String activityJson) {
        this(apId, authorActor, authorName, circleName, threadId, opening, title, threadApId, context, inReplyTo,
                source, html, publishedAt, activityJson, null);
    }
}
