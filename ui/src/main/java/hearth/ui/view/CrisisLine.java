package hearth.ui.view;

/** A crisis service; every field but {@code name} may be null. */
public record CrisisLine(String name, String phone, String text, String hours, String url) {
}
