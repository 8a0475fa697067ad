package hearth.node.moderation;

import hearth.ui.i18n.Text;
import java.util.List;

/**
 * What a moderator or a reporter is told when an action cannot be done, as {@link Text} the web
 * layer says in her language. Each becomes a calm page.
 */
public abstract sealed class ModerationProblem extends RuntimeException
        permits ModerationProblem.NotAllowed, ModerationProblem.Invalid {

    ModerationProblem(String message) {
        super(message, null, false, false);
    }

    /** She is not a moderator of that circle (or not a node admin, for node-wide actions). */
    public static final class NotAllowed extends ModerationProblem {
        private final transient Text text;

        public NotAllowed(Text text) {
            super(text.key());
            this.text = text;
        }

        public Text text() {
            return text;
        }
    }

    /** The form is not complete or not right; {@code problems} are shown above it, what she typed stays. */
    public static final class Invalid extends ModerationProblem {
        private final transient List<Text> problems;

        public Invalid(List<Text> problems) {
            super(String.join(" ", problems.stream().map(Text::key).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Text> problems() {
            return problems;
        }
    }
}
