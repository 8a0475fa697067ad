package hearth.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The node secret that every process on one PostgreSQL database uses.
 *
 * <p>Author ids, form tokens, author cookies and reactor ids are all derived from the node
 * secret, so two processes serving one forum must hold the same one: otherwise a form fetched
 * from one process is refused by the other, and one woman gets two author ids. On PostgreSQL the
 * first process to start puts the secret of its data folder into the database and every process
 * (that one included) uses what the database holds from then on; the data folders' own secret
 * files are then only a fallback. On SQLite there is one process per database and the data
 * folder's secret is used as it is.
 *
 * <pre>{@code
 * byte[] secret = SharedSecret.resolve(db, data.secret());
 * }</pre>
 *
 * <p>Stateless and thread-safe. Never logs the secret.
 */
public final class SharedSecret {

    private static final Logger LOG = Logger.getLogger(SharedSecret.class.getName());
    private static final String NAME = "node";
    private static final int ATTEMPTS = 3;

    private SharedSecret() {
    }

    /**
     * The secret this process must use.
     *
     * @param local the data folder's secret, offered to the database if it holds none yet
     */
    public static byte[] resolve(Database db, byte[] local) {
        if (local == null || local.length < 32) {
            throw new IllegalArgumentException("the node secret must be at least 32 bytes");
        }
        if (!db.isPostgres()) {
            return local;
        }
        RuntimeException last = null;
        // Two processes starting at once may both create the table; the loser simply tries again.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                byte[] shared = db.write(c -> adopt(c, local));
                if (!Arrays.equals(shared, local)) {
                    LOG.warning("this data folder's node.secret differs from the one in the database; "
                            + "using the database's, shared by every process");
                }
                return shared;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    private static byte[] adopt(Connection c, byte[] local) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS node_secret (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO node_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
            s.setString(1, NAME);
            s.setString(2, Base64.getEncoder().encodeToString(local));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM node_secret WHERE name = ?")) {
            s.setString(1, NAME);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("the node secret vanished from the database");
                }
                byte[] shared = Base64.getDecoder().decode(r.getString(1));
                if (shared.length < 32) {
                    throw new IllegalStateException("the node secret in the database is damaged: it must hold 32 bytes");
                }
                return shared;
            }
        }
    }
}
