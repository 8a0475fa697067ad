package hearth.node.backup;

/** A backup or restore that cannot be done, with a message for the operator. */
public final class BackupProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackupProblem(String message) {
        super(message);
    }

    public BackupProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
