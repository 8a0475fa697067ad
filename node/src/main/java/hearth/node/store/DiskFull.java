package hearth.node.store;

/**
 * The store could not write because the data folder's disk is full. Nothing was written (the
 * transaction was rolled back) and what was stored before is intact; the same write succeeds
 * once space is freed, without a restart. Pages turn it into a calm "try again later" that
 * keeps what she typed. Never shown with its cause.
 */
public final class DiskFull extends RuntimeException {

    public DiskFull(Throwable cause) {
        super("the data folder's disk is full", cause);
    }

    /** Whether {@code failure}, or anything that caused it, says the disk is full. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DiskFull) {
                return true;
            }
            if (t instanceof org.sqlite.SQLiteException sqlite
                    && sqlite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_FULL) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device")
                    || message.contains("database or disk is full"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
