package hearth.node.forum;

import hearth.ui.i18n.Text;
import java.util.List;

/**
 * What can go wrong when she reads or writes, as typed problems. The web layer turns
 * each into a calm page; none carries a stack trace to a reader.
 */
public abstract sealed class ForumProblem extends RuntimeException
        permits ForumProblem.NotFound, ForumProblem.NotYours, ForumProblem.InvalidDraft {

    ForumProblem(String message) {
        super(message, null, false, false);
    }

    /** The circle, thread or post does not exist (or is no longer shown). */
    public static final class NotFound extends ForumProblem {
        public NotFound(String what) {
            super(what + " was not found");
        }
    }

    /** The post was written from another browser, so this one may not change it. */
    public static final class NotYours extends ForumProblem {
        public NotYours() {
            super("this post was written from another browser");
        }
    }

    /**
     * The draft cannot be posted as it is: it breaks a rule (empty, too long: status 400), or she
     * may not post here now (a locked thread, a ban: 403). {@code draft} is exactly what she typed;
     * {@code problems} are said in her language by the web layer.
     */
    public static final class InvalidDraft extends ForumProblem {
        private final transient List<Text> problems;
        private final transient Draft draft;
        private final int status;

        public InvalidDraft(List<Text> problems, Draft draft) {
            this(problems, draft, 400);
        }

        public InvalidDraft(List<Text> problems, Draft draft, int status) {
            super(String.join(" ", problems.stream().map(Text::key).toList()));
            this.problems = List.copyOf(problems);
            this.draft = draft;
            this.status = status;
        }

        public int status() {
            return status;
        }

        public List<Text> problems() {
            return problems;
        }

        public Draft draft() {
            return draft;
        }
    }
}
