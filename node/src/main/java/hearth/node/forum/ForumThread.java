package hearth.node.forum;

import java.util.List;

/** A thread with every post in order, the opening post first. */
public record ForumThread(String id, String circleName, String title, long createdAt, List<Post> posts) {
    public ForumThread {
        posts = List.copyOf(posts);
    }

    public boolean titleDeleted() {
        return title.isEmpty();
    }
}
