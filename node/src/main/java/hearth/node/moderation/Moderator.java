package hearth.node.moderation;

import java.util.Set;

/**
 * A signed-in moderator: a node admin acts everywhere, a circle moderator only in her circles.
 * Immutable.
 */
public record Moderator(String id, String name, boolean admin, Set<String> circles) {

    public Moderator {
        circles = Set.copyOf(circles);
    }

    public boolean canModerate(String circle) {
        return admin || circles.contains(circle);
    }
}
