package hearth.node.moderation;

import hearth.node.moderation.auth.LoginThrottle;
import hearth.node.moderation.auth.Passwords;
import hearth.node.moderation.auth.SessionTokens;
import hearth.node.moderation.auth.Totp;
import hearth.node.store.Database;
import hearth.node.store.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Moderator accounts, the only accounts in Hearth: Argon2id passwords, an optional TOTP second
 * factor, sessions of a few hours kept as hashes of their tokens, and sign-in throttled by
 * account name (never by address). Thread-safe; methods block on the database.
 */
public final class ModeratorAccounts {

    /** A session lasts a working shift, then she signs in again. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final int PASSWORD_MIN = 12;

    private final Database db;
    private final Clock clock;
    private static final Passwords PASSWORDS = new Passwords();
    private final LoginThrottle throttle = new LoginThrottle();

    public ModeratorAccounts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** How a sign-in went. */
    public sealed interface SignIn {
        /** Signed in; {@code token} goes in her session cookie. */
        record Ok(Moderator moderator, String token) implements SignIn {
        }

        /** Name, password or code not right (which one is never said). */
        record Wrong() implements SignIn {
        }

        /** Password right, and her account asks for a code from her authenticator app. */
        record CodeNeeded() implements SignIn {
        }

        /** Too many attempts: wait this long. */
        record Wait(Duration delay) implements SignIn {
        }
    }

    // ---- made by the operator

    /** Creates a moderator (or sets a new password, roles and circles for an existing name). */
    public static void createOrUpdate(Connection c, String name, char[] password, boolean admin, List<String> circles,
                                      long now) throws SQLException {
        String hash = PASSWORDS.hash(password);
        Optional<String> existing = idOf(c, name);
        String id = existing.orElseGet(Ids::next);
        if (existing.isPresent()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE moderator SET password_hash = ?, admin = ? WHERE id = ?")) {
                s.setString(1, hash);
                s.setBoolean(2, admin);
                s.setString(3, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM moderator_session WHERE moderator_id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
        } else {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO moderator (id, name, password_hash, admin, created_at) VALUES (?, ?, ?, ?, ?)""")) {
                s.setString(1, id);
                s.setString(2, name);
                s.setString(3, hash);
                s.setBoolean(4, admin);
                s.setLong(5, now);
                s.executeUpdate();
            }
        }
        for (String circle : circles) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO moderator_circle (moderator_id, circle_name)
                    SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM moderator_circle WHERE moderator_id = ? AND circle_name = ?)""")) {
                s.setString(1, id);
                s.setString(2, circle);
                s.setString(3, id);
                s.setString(4, circle);
                s.executeUpdate();
            }
        }
    }

    private static Optional<String> idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM moderator WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    // ---- signing in and out

    public SignIn signIn(String name, char[] password, String code) {
        String who = name == null ? "" : name.strip();
        Duration wait = throttle.waitBefore(who, clock.instant());
        if (!wait.isZero()) {
            return new SignIn.Wait(wait);
        }
        Account account = db.read(c -> account(c, who)).orElse(null);
        // An unknown name costs the same hashing time as a known one, so timing does not tell which exist.
        boolean passwordOk = PASSWORDS.verify(password, account == null ? PASSWORDS.dummyHash() : account.hash)
                && account != null;
        if (!passwordOk) {
            throttle.failed(who, clock.instant());
            return new SignIn.Wrong();
        }
        if (account.totpSecret != null) {
            if (code == null || code.isBlank()) {
                return new SignIn.CodeNeeded();
            }
            OptionalLong step = Totp.accept(account.totpSecret, code, clock.millis(), account.totpLastStep);
            if (step.isEmpty()) {
                throttle.failed(who, clock.instant());
                return new SignIn.Wrong();
            }
            db.write(c -> setLastStep(c, account.id, step.getAsLong()));
        }
        throttle.succeeded(who);
        String token = SessionTokens.newToken();
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO moderator_session (token_hash, moderator_id, created_at, expires_at)
                    VALUES (?, ?, ?, ?)""")) {
                s.setString(1, SessionTokens.hash(token));
                s.setString(2, account.id);
                s.setLong(3, now);
                s.setLong(4, now + SESSION_LIFETIME.toMillis());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM moderator_session WHERE expires_at < ?")) {
                s.setLong(1, now);
                s.executeUpdate();
            }
            return null;
        });
        return new SignIn.Ok(moderatorOf(account), token);
    }

    /** The moderator whose session this token is, if it is current. */
    public Optional<Moderator> session(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT m.name FROM moderator_session x JOIN moderator m ON m.id = x.moderator_id
                    WHERE x.token_hash = ? AND x.expires_at > ?""")) {
                s.setString(1, SessionTokens.hash(token));
                s.setLong(2, clock.millis());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? account(c, r.getString(1)).map(ModeratorAccounts::moderatorOf)
                            : Optional.<Moderator>empty();
                }
            }
        });
    }

    public void signOut(String token) {
        if (token == null || token.length() > 100) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM moderator_session WHERE token_hash = ?")) {
                s.setString(1, SessionTokens.hash(token));
                s.executeUpdate();
            }
            return null;
        });
    }

    // ---- the second factor

    /** Whether she has turned on a TOTP second factor. */
    public boolean hasSecondFactor(Moderator m) {
        return db.read(c -> account(c, m.name())).map(a -> a.totpSecret != null).orElse(false);
    }

    /** Starts turning on a second factor: a new secret she adds to her authenticator app. */
    public String beginSecondFactor(Moderator m) {
        String secret = Totp.newSecret();
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE moderator SET totp_pending = ? WHERE id = ?")) {
                s.setString(1, secret);
                s.setString(2, m.id());
                s.executeUpdate();
            }
            return null;
        });
        return secret;
    }

    /** Turns the pending second factor on if {@code code} comes from it. */
    public boolean confirmSecondFactor(Moderator m, String code) {
        Account account = db.read(c -> account(c, m.name())).orElseThrow();
        if (account.totpPending == null) {
            return false;
        }
        OptionalLong step = Totp.accept(account.totpPending, code, clock.millis(), 0);
        if (step.isEmpty()) {
            return false;
        }
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE moderator SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ? WHERE id = ?")) {
                s.setLong(1, step.getAsLong());
                s.setString(2, m.id());
                s.executeUpdate();
            }
            return null;
        });
        return true;
    }

    /** The pending secret, while she is setting up her app. */
    public Optional<String> pendingSecondFactor(Moderator m) {
        return db.read(c -> account(c, m.name())).map(a -> a.totpPending);
    }

    // ---- rows

    private record Account(String id, String name, String hash, boolean admin, String totpSecret,
                           String totpPending, long totpLastStep, Set<String> circles) {
    }

    private static Optional<Account> account(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, name, password_hash, admin, totp_secret, totp_pending, totp_last_step
                FROM moderator WHERE name = ?""")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String id = r.getString(1);
                return Optional.of(new Account(id, r.getString(2), r.getString(3), r.getBoolean(4), r.getString(5),
                        r.getString(6), r.getLong(7), circlesOf(c, id)));
            }
        }
    }

    private static Set<String> circlesOf(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT circle_name FROM moderator_circle WHERE moderator_id = ?")) {
            s.setString(1, id);
            Set<String> out = new HashSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        }
    }

    private static Moderator moderatorOf(Account a) {
        return new Moderator(a.id, a.name, a.admin, a.circles);
    }

    private static Void setLastStep(Connection c, String id, long step) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE moderator SET totp_last_step = ? WHERE id = ?")) {
            s.setLong(1, step);
            s.setString(2, id);
            s.executeUpdate();
        }
        return null;
    }
}
