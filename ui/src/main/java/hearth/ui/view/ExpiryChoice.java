package hearth.ui.view;

import java.util.List;

/**
 * How long a new post stays: the choices offered, and the number of days she picked
 * ({@code chosen} matches none of them after a refused form with a value not offered).
 */
public record ExpiryChoice(List<Choice> choices, int chosen) {
    public ExpiryChoice {
        choices = List.copyOf(choices);
    }

    /** One lifetime: {@code days} (0: until she deletes it) and the bundle key of its words. */
    public record Choice(int days, String labelKey) {
    }

    public boolean checked(Choice choice) {
        return chosen == choice.days();
    }
}
