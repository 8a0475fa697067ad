package hearth.ui.view;

import java.util.List;

public record AboutPage(Chrome chrome, String description, List<String> rules) {
    public AboutPage {
        rules = List.copyOf(rules);
    }
}
