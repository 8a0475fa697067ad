package hearth.ui.view;

import java.util.List;

/** The posting policy of each circle she moderates, each with its own form. */
public record CirclesPolicyPage(Chrome chrome, String csrf, List<Row> circles, List<Option> policies) {
    public CirclesPolicyPage {
        circles = List.copyOf(circles);
        policies = List.copyOf(policies);
    }

    public record Row(String action, String name, String title, String policy) {
    }
}
