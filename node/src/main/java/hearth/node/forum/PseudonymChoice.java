package hearth.node.forum;

/** Which name a post appears under: her usual pseudonym, or one used only in this thread. */
public enum PseudonymChoice {
    USUAL, ONE_OFF;

    /** Reads the form value; anything unexpected means her usual name. */
    public static PseudonymChoice fromForm(String value) {
        return "one-off".equals(value) ? ONE_OFF : USUAL;
    }

    public String formValue() {
        return this == ONE_OFF ? "one-off" : "usual";
    }
}
