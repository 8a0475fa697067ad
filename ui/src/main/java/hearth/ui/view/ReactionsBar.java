package hearth.ui.view;

import java.util.List;

/**
 * The support reactions of a post. Folded (the usual case, so a long thread stays light): a link
 * to {@code openUrl} and the counts given so far. Open (the reader followed that link): one form
 * posting to {@code action} with the {@code csrf} token and a toggle button per kind. Counts
 * only, never who. Without JavaScript both are plain links and form posts.
 */
public record ReactionsBar(String openUrl, String action, String csrf, List<Button> buttons, boolean open) {
    public ReactionsBar {
        buttons = List.copyOf(buttons);
    }

    /** The counts for the folded line ("Sending support 3 · Me too 1"); empty when nobody reacted. */
    public String given() {
        return String.join(" · ", buttons.stream().filter(b -> b.count() > 0)
                .map(b -> b.label() + " " + b.count()).toList());
    }

    /**
     * One kind: its form value, its label in the reader's language, how many gave it, and whether
     * the reader did (shown as {@code aria-pressed}).
     */
    public record Button(String kind, String label, int count, boolean pressed) {
    }
}
