package hearth.ui.view;

/** One of her posts on "my posts"; {@code removedReason} is null unless moderators removed it. */
public record MyPostRow(String url, String threadTitle, String pseudonym, String excerpt, String created,
                        boolean deleted, boolean opening, boolean held, String removedReason) {
}
