package hearth.node.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/** PostgreSQL's refusals that mean "run the transaction again", and the pause before doing so. */
final class Conflicts {

    // serialization_failure and deadlock_detected: the transaction did nothing and may be retried.
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    private Conflicts() {
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK.equals(state)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // A random pause whose range doubles with each attempt (up to a second), so writers that collided
    // spread out instead of colliding again in step, however long their transactions take.
    static void pause(int attempt) {
        long most = Math.min(1_000, 4L << Math.min(attempt, 8));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, most + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a write", e);
        }
    }
}
