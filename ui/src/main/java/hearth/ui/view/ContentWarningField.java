package hearth.ui.view;

import java.util.List;

/**
 * The optional content-warning field of a compose form: what she typed ({@code value}), the node's
 * suggested {@code topics}, and the longest warning accepted ({@code max} characters).
 */
public record ContentWarningField(String value, List<String> topics, int max) {
    public ContentWarningField {
        value = value == null ? "" : value;
        topics = List.copyOf(topics);
    }
}
