package hearth.federation.blocklist;

import java.util.List;

/**
 * How the entries of several sources for one domain become one block. {@code MAX} takes the
 * hardest severity and sets a flag if any source sets it; {@code MIN} takes the mildest severity
 * and sets a flag only if every listing source sets it.
 */
public enum Merge {
    MAX, MIN;

    Severity severity(List<DomainBlock> blocks) {
        Severity merged = blocks.getFirst().severity();
        for (DomainBlock b : blocks) {
            if (this == MAX ? b.severity().compareTo(merged) > 0 : b.severity().compareTo(merged) < 0) {
                merged = b.severity();
            }
        }
        return merged;
    }

    boolean flag(List<Boolean> flags) {
        return this == MAX ? flags.contains(true) : !flags.contains(false);
    }
}
