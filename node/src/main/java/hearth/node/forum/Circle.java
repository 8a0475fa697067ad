package hearth.node.forum;

/** A circle as readers see it: its name in URLs, title, purpose and how lively it is. */
public record Circle(String name, String title, String description, int threadCount, long lastActivityAt) {
}
