package hearth.ui.view;

public record MyPostRow(String url, String threadTitle, String pseudonym, String excerpt, String created,
                        boolean deleted, boolean opening) {
}
