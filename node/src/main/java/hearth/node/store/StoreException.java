package hearth.node.store;

import java.sql.SQLException;

/** The store could not do what was asked; the cause says why. Never shown to a reader. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
