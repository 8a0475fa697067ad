package hearth.ui.view;

import java.util.List;

/**
 * A thread: its posts in order and the reply form. {@code title} is empty if its author deleted it.
 * A locked thread has no reply form ({@code reply} null); {@code removedReason} is set when
 * moderators removed the whole thread. {@code crisisNote} shows the gentle note with the crisis lines at
 * the top (once, after she posted words matching the node's crisis phrases). {@code feedUrl} is the
 * thread's Atom feed, or null when the thread has none (readers who are not signed in cannot see it).
 */
public record ThreadPage(Chrome chrome, String circleUrl, String circleTitle, String title, List<PostView> posts,
                         ComposeForm reply, boolean locked, String removedReason, boolean crisisNote,
                         String feedUrl) {
    public ThreadPage {
        posts = List.copyOf(posts);
    }
}
