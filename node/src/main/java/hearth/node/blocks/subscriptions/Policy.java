package hearth.node.blocks.subscriptions;

import hearth.federation.blocklist.Merge;
import hearth.federation.blocklist.Threshold;
import hearth.ui.i18n.Text;
import java.util.Objects;

/**
 * How sources are weighed: the threshold an entry's listing trust must reach to be applied, how
 * listing sources' severities merge, and how many new blocks one refresh may add before all of
 * them are held for review. Immutable.
 */
public record Policy(Threshold threshold, Merge merge, int maxNewBlocks) {

    public static final int MAX_NEW_BLOCKS_LIMIT = 100_000;

    public Policy {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(merge, "merge");
        if (maxNewBlocks < 1 || maxNewBlocks > MAX_NEW_BLOCKS_LIMIT) {
            throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.maxNew", MAX_NEW_BLOCKS_LIMIT));
        }
    }

    /** {@code count} or {@code percent}, as stored and posted by the console form. */
    public String thresholdKind() {
        return threshold instanceof Threshold.Count ? "count" : "percent";
    }

    public double thresholdValue() {
        return switch (threshold) {
            case Threshold.Count count -> count.weight();
            case Threshold.Percent percent -> percent.percent();
        };
    }

    /** Builds a policy from stored or posted words. */
    public static Policy of(String kind, double value, String merge, int maxNewBlocks) {
        Threshold threshold = switch (kind == null ? "" : kind.strip()) {
            case "count" -> {
                if (!(value > 0 && value <= 1_000_000)) {
                    throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.count"));
                }
                yield new Threshold.Count(value);
            }
            case "percent" -> {
                if (!(value > 0 && value <= 100)) {
                    throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.percent"));
                }
                yield new Threshold.Percent(value);
            }
            default -> throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.thresholdKind"));
        };
        Merge m = switch (merge == null ? "" : merge.strip()) {
            case "max" -> Merge.MAX;
            case "min" -> Merge.MIN;
            default -> throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.merge"));
        };
        return new Policy(threshold, m, maxNewBlocks);
    }
}
