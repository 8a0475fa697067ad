package hearth.ui.view;

/** A circle on the home page. {@code lastActivity} is empty when nobody has posted yet. */
public record CircleCard(String url, String title, String description, int threadCount, String lastActivity) {
}
