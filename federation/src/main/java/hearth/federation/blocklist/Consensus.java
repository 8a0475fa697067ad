package hearth.federation.blocklist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Weighs several sources' blocklists into one decision per domain, as FediBlockHole does.
 *
 * <pre>{@code
 * List<Decision> decisions = Consensus.decide(sources, new Threshold.Count(2), Merge.MAX);
 * for (Decision d : decisions) {
 *     if (d.agreed() && Guard.reasonsToHold(d, ownHost, partners).isEmpty()) apply(d.merged());
 *     else queueForReview(d);
 * }
 * }</pre>
 *
 * <p>Every domain any source lists gets a decision, sorted by domain. The merged block takes its
 * severity and flags by the {@link Merge} rule, and joins the sources' distinct non-empty
 * comments with "; " in source order (the public one cut to the length a block allows).
 * Stateless and thread-safe.
 */
public final class Consensus {

    static final String JOIN = "; ";

    private Consensus() {
    }

    public static List<Decision> decide(List<SourceEntries> sources, Threshold threshold, Merge merge) {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(merge, "merge");
        Set<String> ids = new LinkedHashSet<>();
        double totalTrust = 0;
        Map<String, List<SourceEntries>> listing = new TreeMap<>();
        for (SourceEntries source : sources) {
            if (!ids.add(source.sourceId())) {
                throw new IllegalArgumentException("the source " + source.sourceId() + " is given twice");
            }
            totalTrust += source.trust();
            for (String domain : source.blocks().keySet()) {
                listing.computeIfAbsent(domain, d -> new ArrayList<>()).add(source);
            }
        }
        List<Decision> decisions = new ArrayList<>(listing.size());
        for (Map.Entry<String, List<SourceEntries>> e : listing.entrySet()) {
            String domain = e.getKey();
            List<DomainBlock> blocks = e.getValue().stream().map(s -> s.blocks().get(domain)).toList();
            double trust = e.getValue().stream().mapToDouble(SourceEntries::trust).sum();
            decisions.add(new Decision(domain, merged(domain, blocks, merge),
                    e.getValue().stream().map(SourceEntries::sourceId).toList(),
                    threshold.reached(trust, totalTrust)));
        }
        return List.copyOf(decisions);
    }

    private static DomainBlock merged(String domain, List<DomainBlock> blocks, Merge merge) {
        String publicComment = joined(blocks.stream().map(DomainBlock::publicComment).toList());
        if (publicComment.length() > DomainBlock.MAX_PUBLIC_COMMENT) {
            int end = DomainBlock.MAX_PUBLIC_COMMENT;
            if (Character.isHighSurrogate(publicComment.charAt(end - 1))) {
                end--;
            }
            publicComment = publicComment.substring(0, end);
        }
        return new DomainBlock(domain, merge.severity(blocks),
                merge.flag(blocks.stream().map(DomainBlock::rejectMedia).toList()),
                merge.flag(blocks.stream().map(DomainBlock::rejectReports).toList()),
                publicComment,
                joined(blocks.stream().map(DomainBlock::privateComment).toList()),
                merge.flag(blocks.stream().map(DomainBlock::obfuscate).toList()));
    }

    private static String joined(List<String> comments) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String comment : comments) {
            if (!comment.isBlank()) {
                distinct.add(comment.strip());
            }
        }
        return String.join(JOIN, distinct);
    }
}
