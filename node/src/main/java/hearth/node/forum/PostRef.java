package hearth.node.forum;

/** Where a post lives; {@code held} says it waits for a moderator before others can read it. */
public record PostRef(String circleName, String threadId, String postId, boolean held) {

    public PostRef(String circleName, String threadId, String postId) {
        this(circleName, threadId, postId, false);
    }
}
