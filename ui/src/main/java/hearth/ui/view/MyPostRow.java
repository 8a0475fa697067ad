package hearth.ui.view;

/**
 * One of her posts on "my posts"; {@code removedReason} is null unless moderators removed it, and
 * {@code expiresOn} (as text) unless she chose that it disappears by itself.
 */
public record MyPostRow(String url, String threadTitle, String pseudonym, String excerpt, String created,
                        boolean deleted, boolean opening, boolean held, String removedReason, String expiresOn) {
}
