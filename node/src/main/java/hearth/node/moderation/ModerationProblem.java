package hearth.node.moderation;

import java.util.List;

/** What a moderator or a reporter is told when an action cannot be done. Each becomes a calm page. */
public abstract sealed class ModerationProblem extends RuntimeException
        permits ModerationProblem.NotAllowed, ModerationProblem.Invalid {

    ModerationProblem(String message) {
        super(message, null, false, false);
    }

    /** She is not a moderator of that circle (or not a node admin, for node-wide actions). */
    public static final class NotAllowed extends ModerationProblem {
        public NotAllowed(String message) {
            super(message);
        }
    }

    /** The form is not complete or not right; {@code problems} are shown above it, what she typed stays. */
    public static final class Invalid extends ModerationProblem {
        private final transient List<String> problems;

        public Invalid(List<String> problems) {
            super(String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
