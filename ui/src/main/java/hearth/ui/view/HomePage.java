package hearth.ui.view;

import java.util.List;

public record HomePage(Chrome chrome, String description, List<CircleCard> circles) {
    public HomePage {
        circles = List.copyOf(circles);
    }
}
