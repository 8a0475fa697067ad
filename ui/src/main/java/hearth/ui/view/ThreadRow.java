package hearth.ui.view;

/** A thread in a circle's list. {@code title} is empty when its author deleted the opening post. */
public record ThreadRow(String url, String title, String pseudonym, int replyCount, String lastActivity,
                        String lastActivityIso) {
}
