package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reading storage.url: the short PostgreSQL form, a JDBC address, and what is refused. */
class StorageUrlTest {

    @Test
    void theShortFormGivesAJdbcAddressUserAndPassword() {
        StorageUrl url = StorageUrl.parse("postgresql://hearth:s3cret@db.internal:5433/forum");
        assertEquals("jdbc:postgresql://db.internal:5433/forum", url.jdbc());
        assertEquals("hearth", url.user());
        assertEquals("s3cret", url.password());
    }

    @Test
    void anEncodedPasswordIsDecoded() {
        assertEquals("p@ss:w+rd", StorageUrl.parse("postgres://hearth:p%40ss%3Aw+rd@127.0.0.1/forum").password());
    }

    @Test
    void theDefaultPortAndQueryOptionsAreKept() {
        assertEquals("jdbc:postgresql://127.0.0.1/forum?sslmode=require",
                StorageUrl.parse("postgresql://hearth@127.0.0.1/forum?sslmode=require").jdbc());
    }

    @Test
    void aJdbcAddressIsPassedOnAsItIs() {
        StorageUrl url = StorageUrl.parse("jdbc:postgresql://127.0.0.1:5432/forum?user=hearth");
        assertEquals("jdbc:postgresql://127.0.0.1:5432/forum?user=hearth", url.jdbc());
        assertNull(url.user());
    }

    @Test
    void theTextFormNeverShowsThePassword() {
        assertFalse(StorageUrl.parse("postgresql://hearth:s3cret@127.0.0.1/forum").toString().contains("s3cret"));
        assertFalse(StorageUrl.parse("jdbc:postgresql://h/forum?password=s3cret").toString().contains("s3cret"));
    }

    @Test
    void anotherDatabaseKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StorageUrl.parse("mysql://hearth@127.0.0.1/forum"));
    }

    @Test
    void anAddressWithoutADatabaseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StorageUrl.parse("postgresql://hearth@127.0.0.1:5432/"));
    }

    @Test
    void anAddressWithoutAHostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StorageUrl.parse("postgresql:///forum"));
    }
}
