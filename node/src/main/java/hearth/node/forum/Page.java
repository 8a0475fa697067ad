package hearth.node.forum;

import java.util.List;

/** A slice of a long list and the cursor for the next slice ({@code null} on the last one). */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
