package hearth.node.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The node's database: a connection pool, the schema migrations, and transactions, on the
 * embedded SQLite file (the default) or on a PostgreSQL server ({@code storage.url}).
 *
 * <p>Safe to share across threads. Calls block, so make them from a virtual thread or
 * a worker, never from an event loop. A write returns only once its transaction is
 * committed and, on SQLite, synced to disk ({@code synchronous=FULL}), so whatever a
 * caller acknowledges survives a crash of the process or the machine.
 *
 * <p>Writes behave as if run one at a time on both: SQLite has one writer (queued here);
 * PostgreSQL runs them side by side as SERIALIZABLE transactions and runs a write again when
 * the server refuses it as a serialization failure or deadlock. So a {@link Work} given to
 * {@link #write} may run more than once: it must change nothing outside its connection.
 *
 * <pre>{@code
 * try (Database db = Database.open(config.storage().url(), dataFolder.database())) {
 *     db.write(c -> { ... return null; });
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {

    /** Work done with a connection; it may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int MOST_ATTEMPTS = 50;
    private static final long POSTGRES_CONNECTION_WAIT_MILLIS = 10_000;

    private final HikariDataSource pool;
    private final boolean postgres;
    // SQLite takes one writer at a time; queueing writers here avoids busy-waiting inside SQLite.
    private final ReentrantLock writer = new ReentrantLock(true);
    private final AtomicLong commits = new AtomicLong();

    private Database(HikariDataSource pool, boolean postgres) {
        this.pool = pool;
        this.postgres = postgres;
    }

    /**
     * Opens the configured store: PostgreSQL when {@code storageUrl} names one, else the SQLite
     * file {@code sqliteFile} (created if needed).
     */
    public static Database open(String storageUrl, Path sqliteFile) {
        return storageUrl == null || storageUrl.isBlank() ? sqlite(sqliteFile) : postgres(StorageUrl.parse(storageUrl));
    }

    /** Connects to a PostgreSQL database (which must exist) and brings its schema up to date. */
    public static Database postgres(StorageUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbc());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        config.setPoolName("hearth-postgres");
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
        config.setInitializationFailTimeout(30_000);
        // A request waits this long for a connection before she is told to try again (Hikari's default is
        // 30 s); a node whose server has gone also stops within a few of these rather than minutes.
        config.setConnectionTimeout(POSTGRES_CONNECTION_WAIT_MILLIS);
        Database db = new Database(new HikariDataSource(config), true);
        db.migrate();
        return db;
    }

    /** Opens (creating if needed) a SQLite database in WAL mode and brings its schema up to date. */
    public static Database sqlite(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        // A write transaction takes the write lock when it begins, so one that reads first waits its turn
        // (busy timeout) instead of failing at once when another process (an admin command) writes meanwhile.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("hearth-sqlite");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        Database db = new Database(new HikariDataSource(config), false);
        db.migrate();
        return db;
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Runs read-only work on a pooled connection. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * How many write transactions this process has committed so far. A reader that saw the same
     * count before and after knows this process changed nothing in between (other processes on
     * one PostgreSQL database are not counted).
     */
    public long commits() {
        return commits.get();
    }

    /** True on PostgreSQL, where several node processes may share the database. */
    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Runs work in one transaction, committed (and durable) before this returns. On PostgreSQL
     * the work runs again (up to 50 times, after a random pause that grows) when the server
     * refuses the transaction because a concurrent one got there first.
     *
     * @throws DiskFull on SQLite, when the disk has no room for it: nothing was written, and
     *     the same write succeeds once there is room again
     */
    public <T> T write(Work<T> work) {
        if (!postgres) {
            return writeQueued(work);
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    commits.incrementAndGet();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    if (attempt < MOST_ATTEMPTS && Conflicts.retryable(e)) {
                        Conflicts.pause(attempt);
                        continue;
                    }
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
    }

    private <T> T writeQueued(Work<T> work) {
        writer.lock();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
                commits.incrementAndGet();
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            if (DiskFull.isCause(e)) {
                throw new DiskFull(e);
            }
            throw new StoreException(e);
        } catch (RuntimeException e) {
            if (!(e instanceof DiskFull) && DiskFull.isCause(e)) {
                throw new DiskFull(e);
            }
            throw e;
        } finally {
            writer.unlock();
        }
    }

    /**
     * SQLite may already have rolled back on its own (a full disk does that); a second rollback
     * then fails, and that failure must not hide the first one.
     */
    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
