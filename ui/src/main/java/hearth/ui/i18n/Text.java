package hearth.ui.i18n;

import java.util.List;
import java.util.Objects;

/**
 * Words not yet in any language: a bundle key and the values for its pattern. Code that cannot
 * know the reader (a service refusing a draft, a rule checking a form) returns these; the web
 * layer turns them into her language with {@link Messages#get(Text)}.
 *
 * <pre>{@code
 * Text problem = Text.of("forum.problem.titleTooLong", 240, 200);
 * messages.get(problem);   // "The title is 240 characters long; the limit is 200. …"
 * }</pre>
 *
 * <p>Immutable and thread-safe as long as its arguments are (numbers, strings, instants).
 *
 * @param key  a key of an area's bundle, e.g. {@code forum.problem.empty}
 * @param args the pattern's arguments, in order; none may be null
 */
public record Text(String key, List<Object> args) {

    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** The text for {@code key} with {@code args} (none null). */
    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }
}
