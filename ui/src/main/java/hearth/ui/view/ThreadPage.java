package hearth.ui.view;

import java.util.List;

/**
 * A thread: its posts in order and the reply form. {@code title} is empty if its author deleted it.
 * A locked thread has no reply form ({@code reply} null); {@code removedReason} is set when
 * moderators removed the whole thread.
 */
public record ThreadPage(Chrome chrome, String circleUrl, String circleTitle, String title, List<PostView> posts,
                         ComposeForm reply, boolean locked, String removedReason) {
    public ThreadPage {
        posts = List.copyOf(posts);
    }
}
