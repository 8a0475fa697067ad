package hearth.ui.view;

/**
 * A thread in a circle's list. {@code title} is empty when its author deleted the opening post.
 * {@code warning} is its opening post's content warning (null for none): the title is folded behind it.
 */
public record ThreadRow(String url, String title, String pseudonym, int replyCount, String lastActivity,
                        String lastActivityIso, ContentWarningView warning) {
}
