package hearth.ui.view;

import java.util.List;

/** A thread: its posts in order and the reply form. {@code title} is empty if its author deleted it. */
public record ThreadPage(Chrome chrome, String circleUrl, String circleTitle, String title, List<PostView> posts,
                         ComposeForm reply) {
    public ThreadPage {
        posts = List.copyOf(posts);
    }
}
