package hearth.node.forum;

/**
 * What she typed into a compose form, kept whole so a rejected form can be shown again as she left it.
 *
 * @param contentWarning what readers see before they choose to open the post ("" for none)
 * @param expiresInDays  after how many days the post disappears by itself (0: it stays until she deletes it)
 */
public record Draft(String title, String body, PseudonymChoice pseudonym, String contentWarning, int expiresInDays) {
    public Draft {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        pseudonym = pseudonym == null ? PseudonymChoice.USUAL : pseudonym;
        contentWarning = contentWarning == null ? "" : contentWarning;
    }

    /** A draft with no content warning that never expires. */
    public Draft(String title, String body, PseudonymChoice pseudonym) {
        this(title, body, pseudonym, "", 0);
    }
}
