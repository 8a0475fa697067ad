package hearth.node.forum;

import java.util.List;

/**
 * A thread with every post in order, the opening post first (held and removed ones included:
 * the page decides who sees what). A locked thread takes no replies.
 */
public record ForumThread(String id, String circleName, String title, long createdAt, boolean locked,
                          List<Post> posts) {
    public ForumThread {
        posts = List.copyOf(posts);
    }

    public Post opening() {
        return posts.get(0);
    }

    public boolean titleDeleted() {
        return title.isEmpty();
    }
}
