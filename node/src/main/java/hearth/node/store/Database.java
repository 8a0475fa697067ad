package hearth.node.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The node's database: a connection pool, the schema migrations, and transactions.
 *
 * <p>Safe to share across threads. Calls block, so make them from a virtual thread or
 * a worker, never from an event loop. A write returns only once its transaction is
 * committed and, on SQLite, synced to disk ({@code synchronous=FULL}), so whatever a
 * caller acknowledges survives a crash of the process or the machine.
 *
 * <pre>{@code
 * try (Database db = Database.sqlite(dataFolder.database())) {
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

    private final HikariDataSource pool;
    // SQLite takes one writer at a time; queueing writers here avoids busy-waiting inside SQLite.
    private final ReentrantLock writer = new ReentrantLock(true);

    private Database(HikariDataSource pool) {
        this.pool = pool;
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
        Database db = new Database(new HikariDataSource(config));
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

    /** Runs work in one transaction, committed (and durable) before this returns. */
    public <T> T write(Work<T> work) {
        writer.lock();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            writer.unlock();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
