package hearth.federation.blocklist;

/**
 * When the sources that list a domain agree enough for the block to be applied without review,
 * as FediBlockHole's thresholds work. Immutable and thread-safe.
 *
 * <pre>{@code
 * Threshold twoSources = new Threshold.Count(2);       // with trust 1 each: two sources
 * Threshold half = new Threshold.Percent(50);          // half of all trust
 * }</pre>
 */
public sealed interface Threshold permits Threshold.Count, Threshold.Percent {

    /** Sums are of floating trusts; this keeps 0.7 + 0.1 from falling short of 0.8. */
    double TOLERANCE = 1e-9;

    /** True if sources with {@code listingTrust} together, of {@code totalTrust} in all, are enough. */
    boolean reached(double listingTrust, double totalTrust);

    /** Reached when the trust of the listing sources adds up to at least {@code weight} (positive). */
    record Count(double weight) implements Threshold {

        public Count {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("a count threshold must be a positive number, not " + weight);
            }
        }

        @Override
        public boolean reached(double listingTrust, double totalTrust) {
            return listingTrust >= weight - TOLERANCE;
        }
    }

    /** Reached when the listing sources hold at least {@code percent} (above 0, at most 100) of all trust. */
    record Percent(double percent) implements Threshold {

        public Percent {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("a percentage threshold must be above 0 and at most 100, not " + percent);
            }
        }

        @Override
        public boolean reached(double listingTrust, double totalTrust) {
            return totalTrust > 0 && listingTrust / totalTrust * 100 >= percent - TOLERANCE;
        }
    }
}
