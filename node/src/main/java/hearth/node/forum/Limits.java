package hearth.node.forum;

import java.util.ArrayList;
import java.util.List;

/** The size rules for posts, with the words she sees when she breaks one. */
public final class Limits {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20_000;

    private Limits() {
    }

    /** Checks a draft; returns the problems in plain words, or an empty list. */
    static List<String> check(Draft draft, boolean needsTitle) {
        List<String> problems = new ArrayList<>();
        if (needsTitle) {
            int title = draft.title().strip().codePointCount(0, draft.title().strip().length());
            if (title == 0) {
                problems.add("Please give your thread a title.");
            } else if (title > TITLE_MAX) {
                problems.add("The title is " + title + " characters long; the limit is " + TITLE_MAX
                        + ". Please shorten it a little.");
            }
        }
        String body = draft.body().strip();
        int length = body.codePointCount(0, body.length());
        if (length == 0) {
            problems.add("Please write something before posting.");
        } else if (length > BODY_MAX) {
            problems.add("Your post is " + length + " characters long; the limit is " + BODY_MAX
                    + ". You could split it into a post and a reply.");
        }
        return problems;
    }
}
