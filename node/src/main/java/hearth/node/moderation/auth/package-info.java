/**
 * The building blocks of moderator sign-in: password hashes ({@link
 * hearth.node.moderation.auth.Passwords}), one-time codes ({@link hearth.node.moderation.auth.Totp}
 * over {@link hearth.node.moderation.auth.Base32} secrets), a brake on guessing ({@link
 * hearth.node.moderation.auth.LoginThrottle}) and session tokens ({@link
 * hearth.node.moderation.auth.SessionTokens}).
 *
 * <p>Pure functions and small in-memory state only. It must not know HTTP, Vert.x, JDBC or the
 * moderation store: callers bring the stored hash, secret and last accepted step, and persist
 * what comes back. It never sees an IP address or a user agent (the throttle is keyed by account
 * name alone), and it never logs a password, code, secret or token.
 */
package hearth.node.moderation.auth;
