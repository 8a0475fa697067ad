package hearth.federation.blocklist;

import java.util.Objects;

/**
 * One domain block as Mastodon's CSV and Hearth's console know it: the domain (and its
 * subdomains), how hard the block holds, two extra refusals, and comments.
 *
 * <pre>{@code
 * DomainBlock block = new DomainBlock("Spam.Example.", Severity.SUSPEND, true, false,
 *         "spam waves", "see report 42", false);
 * block.domain();   // "spam.example"
 * }</pre>
 *
 * <p>The domain is stored as {@link Domains#normalize} gives it; comments are never null (a null
 * becomes ""); the public comment, which other nodes and readers see, has at most
 * {@value #MAX_PUBLIC_COMMENT} characters. Anything else is refused with
 * {@link IllegalArgumentException}. Immutable and thread-safe.
 *
 * @param publicComment shown to readers and published in shared lists
 * @param privateComment for this node's moderators only; never exported or published
 * @param obfuscate show the domain partly hidden in public listings
 */
public record DomainBlock(String domain, Severity severity, boolean rejectMedia, boolean rejectReports,
                          String publicComment, String privateComment, boolean obfuscate) {

    public static final int MAX_PUBLIC_COMMENT = 1000;

    public DomainBlock {
        domain = Domains.normalize(domain);
        Objects.requireNonNull(severity, "severity");
        publicComment = publicComment == null ? "" : publicComment;
        privateComment = privateComment == null ? "" : privateComment;
        if (publicComment.length() > MAX_PUBLIC_COMMENT) {
            throw new IllegalArgumentException("the public comment has " + publicComment.length()
                    + " characters; at most " + MAX_PUBLIC_COMMENT + " are allowed");
        }
    }

    /** A block with Mastodon's defaults for everything but the domain and severity. */
    public static DomainBlock of(String domain, Severity severity) {
        return new DomainBlock(domain, severity, false, false, "", "", false);
    }

    /** The same block without its private comment, as it may leave this node. */
    public DomainBlock withoutPrivateComment() {
        return new DomainBlock(domain, severity, rejectMedia, rejectReports, publicComment, "", obfuscate);
    }
}
