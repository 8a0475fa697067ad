package hearth.ui.view;

import java.util.List;

/** "Help now": every crisis line the node lists, with links ready to call, text or visit. */
public record HelpPage(Chrome chrome, List<Line> lines) {
    public HelpPage {
        lines = List.copyOf(lines);
    }

    /**
     * One crisis line. {@code phoneUri} ({@code tel:}) is set with {@code phone}; {@code textUri}
     * ({@code sms:}) only when {@code text} is a bare number (not an instruction like "text HOME to
     * 741741"). Every field but {@code name} may be null.
     */
    public record Line(String name, String phone, String phoneUri, String text, String textUri, String hours,
                       String url) {
    }
}
