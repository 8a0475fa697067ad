package hearth.ui.view;

import java.util.List;

/** The node's public moderation log, newest first; {@code olderUrl} null on the last page. */
public record ModLogPage(Chrome chrome, List<Row> rows, String olderUrl) {
    public ModLogPage {
        rows = List.copyOf(rows);
    }

    /** One action: when, where (empty for the whole node), what, why, and on whom. */
    public record Row(String when, String iso, String circle, String action, String reason, String target) {
    }
}
