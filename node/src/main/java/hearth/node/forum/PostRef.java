package hearth.node.forum;

/** Where a post lives: enough to build its URL. */
public record PostRef(String circleName, String threadId, String postId) {
}
