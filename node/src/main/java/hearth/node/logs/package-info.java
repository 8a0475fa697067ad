/**
 * The node's log format: one line per event in logfmt ({@code key=value}), with an event name,
 * and with client addresses, query strings and long secret-looking tokens scrubbed out before a
 * line is written, whoever logged it (Hearth, Vert.x, Hikari, Flyway all log through
 * java.util.logging here).
 *
 * <p>It knows nothing of the forum, requests or storage: it sees only log records.
 */
package hearth.node.logs;
