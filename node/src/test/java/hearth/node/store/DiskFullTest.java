package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Which failures mean "the disk is full" (a calm 503 that keeps her words) and which do not. */
class DiskFullTest {

    @Test
    void sqliteFullIsADiskFull() {
        assertTrue(DiskFull.isCause(new SQLiteException("insertion failed", SQLiteErrorCode.SQLITE_FULL)));
    }

    @Test
    void sqliteFullUnderAnotherExceptionIsADiskFull() {
        var full = new SQLiteException("insertion failed", SQLiteErrorCode.SQLITE_FULL);
        assertTrue(DiskFull.isCause(new StoreException(full)));
    }

    @Test
    void anOperatingSystemNoSpaceIsADiskFull() {
        assertTrue(DiskFull.isCause(new UncheckedIOException(new IOException("No space left on device"))));
    }

    @Test
    void aDiskFullIsADiskFull() {
        assertTrue(DiskFull.isCause(new DiskFull(new SQLException("x"))));
    }

    @Test
    void aBusyDatabaseIsNotADiskFull() {
        assertFalse(DiskFull.isCause(new SQLiteException("locked", SQLiteErrorCode.SQLITE_BUSY)));
    }

    @Test
    void aConstraintViolationIsNotADiskFull() {
        assertFalse(DiskFull.isCause(new SQLiteException("unique", SQLiteErrorCode.SQLITE_CONSTRAINT)));
    }

    @Test
    void anotherIoFailureIsNotADiskFull() {
        assertFalse(DiskFull.isCause(new IOException("Input/output error")));
    }

    @Test
    void nothingIsNotADiskFull() {
        assertFalse(DiskFull.isCause(null));
    }
}
