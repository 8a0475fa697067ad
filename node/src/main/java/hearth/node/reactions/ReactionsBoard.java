package hearth.node.reactions;

import java.util.Map;
import java.util.Set;

/**
 * The reactions on some posts as one reader sees them: how many of each kind, and which she gave
 * herself (computed for this request from her author id, never stored as hers). Immutable.
 */
public record ReactionsBoard(Map<String, Map<ReactionKind, Integer>> counts, Set<Pressed> pressed) {

    /** One reaction of hers. */
    public record Pressed(String postId, ReactionKind kind) {
    }

    public static final ReactionsBoard EMPTY = new ReactionsBoard(Map.of(), Set.of());

    public ReactionsBoard {
        counts = Map.copyOf(counts);
        pressed = Set.copyOf(pressed);
    }

    public int count(String postId, ReactionKind kind) {
        return counts.getOrDefault(postId, Map.of()).getOrDefault(kind, 0);
    }

    public boolean pressed(String postId, ReactionKind kind) {
        return pressed.contains(new Pressed(postId, kind));
    }
}
