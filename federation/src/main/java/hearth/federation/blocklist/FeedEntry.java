package hearth.federation.blocklist;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a node's published blocklist feed, as of its last change.
 *
 * <pre>{@code
 * FeedEntry e = new FeedEntry("spam.example", TargetKind.DOMAIN, Severity.SUSPEND, true, false,
 *         List.of("spam"), "spam waves", firstChanged, lastChanged, 17, false);
 * }</pre>
 *
 * <p>A lifted block is not dropped from the feed but published as a retraction
 * ({@code retracted} true, with the severity it had), so that subscribers lift what they applied
 * because of it. A domain target is stored as {@link Domains#normalize} gives it, an actor
 * target must be an absolute http(s) URI with a host. Times are kept to the second, as the feed
 * writes them. Labels and the reason are never null (null becomes empty); the reason has at most
 * {@value DomainBlock#MAX_PUBLIC_COMMENT} characters. Anything else is refused with
 * {@link IllegalArgumentException}. Immutable and thread-safe.
 *
 * @param sequence the feed's change number of this entry's last change, from 1
 */
public record FeedEntry(String target, TargetKind kind, Severity severity, boolean rejectMedia,
                        boolean rejectReports, List<String> labels, String publicReason, Instant firstChanged,
                        Instant lastChanged, long sequence, boolean retracted) {

    public FeedEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(firstChanged, "firstChanged");
        Objects.requireNonNull(lastChanged, "lastChanged");
        target = kind == TargetKind.DOMAIN ? Domains.normalize(target) : actor(target);
        labels = labels == null ? List.of() : List.copyOf(labels);
        for (String label : labels) {
            if (label.isBlank()) {
                throw new IllegalArgumentException("a label is blank");
            }
        }
        publicReason = publicReason == null ? "" : publicReason;
        if (publicReason.length() > DomainBlock.MAX_PUBLIC_COMMENT) {
            throw new IllegalArgumentException("the public reason has more than "
                    + DomainBlock.MAX_PUBLIC_COMMENT + " characters");
        }
        firstChanged = firstChanged.truncatedTo(ChronoUnit.SECONDS);
        lastChanged = lastChanged.truncatedTo(ChronoUnit.SECONDS);
        if (lastChanged.isBefore(firstChanged)) {
            throw new IllegalArgumentException("lastChanged is before firstChanged");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("an entry's sequence starts at 1, not " + sequence);
        }
    }

    /**
     * The domain block this entry asks for, with the reason as its public comment. Only for a
     * {@link TargetKind#DOMAIN} entry; a retraction still gives the block it retracts.
     */
    public DomainBlock toDomainBlock() {
        if (kind != TargetKind.DOMAIN) {
            throw new IllegalStateException("an actor entry is not a domain block");
        }
        return new DomainBlock(target, severity, rejectMedia, rejectReports, publicReason, "", false);
    }

    private static String actor(String target) {
        Objects.requireNonNull(target, "target");
        try {
            URI uri = new URI(target);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("an actor target must be an http(s) URI: " + target);
            }
            return target;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("an actor target must be an http(s) URI: " + target);
        }
    }
}
