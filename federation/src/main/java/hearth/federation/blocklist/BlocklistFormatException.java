package hearth.federation.blocklist;

/**
 * A blocklist (a CSV file or a signed feed) that Hearth refuses, with a reason a moderator can
 * act on: which line or entry, and what is wrong with it.
 *
 * <pre>{@code
 * try {
 *     List<DomainBlock> blocks = MastodonCsv.read(reader);
 * } catch (BlocklistFormatException e) {
 *     console.show(e.getMessage());   // "line 812: "exa mple.org" is not a domain name"
 * }
 * }</pre>
 * Immutable.
 */
public final class BlocklistFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    /** A problem with the whole list (a feed's signature, a missing field). */
    public BlocklistFormatException(String reason) {
        super(reason, null, false, false);
        this.line = 0;
    }

    /** A problem on one line of a CSV file, counted from 1. */
    public BlocklistFormatException(int line, String reason) {
        super("line " + line + ": " + reason, null, false, false);
        this.line = line;
    }

    /** The CSV line the problem is on, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
