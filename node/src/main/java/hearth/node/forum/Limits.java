package hearth.node.forum;

import hearth.ui.i18n.Text;
import java.util.ArrayList;
import java.util.List;

/** The size rules for posts, with what she is told (as bundle keys) when she breaks one. */
public final class Limits {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20_000;

    private Limits() {
    }

    /** Checks a draft; returns the problems, or an empty list. */
    static List<Text> check(Draft draft, boolean needsTitle) {
        List<Text> problems = new ArrayList<>();
        if (needsTitle) {
            int title = draft.title().strip().codePointCount(0, draft.title().strip().length());
            if (title == 0) {
                problems.add(Text.of("forum.problem.titleMissing"));
            } else if (title > TITLE_MAX) {
                problems.add(Text.of("forum.problem.titleTooLong", title, TITLE_MAX));
            }
        }
        String body = draft.body().strip();
        int length = body.codePointCount(0, body.length());
        if (length == 0) {
            problems.add(Text.of("forum.problem.bodyMissing"));
        } else if (length > BODY_MAX) {
            problems.add(Text.of("forum.problem.bodyTooLong", length, BODY_MAX));
        }
        return problems;
    }
}
