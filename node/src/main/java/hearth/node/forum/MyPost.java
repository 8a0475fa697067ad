package hearth.node.forum;

/**
 * One of her own posts, for the "my posts" page; {@code removedReason} is null unless moderators
 * removed it; {@code expiresAt} is null unless she chose that it disappears by itself.
 */
public record MyPost(PostRef ref, String threadTitle, String pseudonym, boolean opening, String excerpt,
                     long createdAt, boolean deleted, boolean held, String removedReason, Long expiresAt) {
}
