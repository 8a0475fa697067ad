package hearth.node.forum;

/** What she typed into a compose form, kept whole so a rejected form can be shown again as she left it. */
public record Draft(String title, String body, PseudonymChoice pseudonym) {
    public Draft {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        pseudonym = pseudonym == null ? PseudonymChoice.USUAL : pseudonym;
    }
}
