package hearth.node.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a PostgreSQL database is, from the configuration's {@code storage.url}: either the
 * short form {@code postgresql://user:password@host:port/database} (also {@code postgres://})
 * or a JDBC address {@code jdbc:postgresql://host:port/database?user=...}, passed on as it is.
 *
 * <p>The password stays out of {@link #toString()}, so an address can be logged or shown in an
 * error. Immutable and thread-safe.
 *
 * <pre>{@code
 * StorageUrl url = StorageUrl.parse("postgresql://hearth:secret@127.0.0.1:5432/hearth");
 * url.jdbc(); // jdbc:postgresql://127.0.0.1:5432/hearth
 * }</pre>
 */
public record StorageUrl(String jdbc, String user, String password) {

    public StorageUrl {
        Objects.requireNonNull(jdbc, "jdbc");
    }

    /** The environment variable that, when set, names the store instead of the configuration. */
    public static final String ENVIRONMENT = "HEARTH_STORAGE_URL";

    /**
     * The store to use: {@value #ENVIRONMENT} when it is set (so a container or a systemd unit can
     * keep the password out of the configuration file, and the admin commands, which read no
     * configuration, reach the node's PostgreSQL database), else {@code fromConfig} (null: SQLite).
     */
    public static String configured(String fromConfig) {
        String fromEnvironment = System.getenv(ENVIRONMENT);
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment.strip() : fromConfig;
    }

    /** True if {@code text} names a PostgreSQL database in one of the accepted forms. */
    public static boolean isPostgres(String text) {
        return text != null && (text.startsWith("postgresql://") || text.startsWith("postgres://")
                || text.startsWith("jdbc:postgresql:"));
    }

    /** Reads an address; throws IllegalArgumentException naming what is wrong (never the password). */
    public static StorageUrl parse(String text) {
        if (!isPostgres(text)) {
            throw new IllegalArgumentException("storage.url must start with postgresql:// or jdbc:postgresql:");
        }
        if (text.startsWith("jdbc:")) {
            return new StorageUrl(text, null, null);
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("storage.url is not a valid address (postgresql://user:password@host:port/database)");
        }
        String host = uri.getHost();
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (host == null || database.isEmpty()) {
            throw new IllegalArgumentException("storage.url needs a host and a database: postgresql://user:password@host:port/database");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return new StorageUrl("jdbc:postgresql://" + hostPart + port + "/" + database + query, user, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return jdbc.replaceAll("(?i)(password=)[^&]*", "$1***") + (user == null ? "" : " as " + user);
    }
}
