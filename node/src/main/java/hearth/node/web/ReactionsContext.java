package hearth.node.web;

import hearth.node.forum.Post;
import hearth.node.reactions.ReactionKind;
import hearth.node.reactions.ReactionsBoard;
import hearth.node.store.Ids;
import hearth.ui.i18n.Messages;
import hearth.ui.view.ReactionsBar;
import java.util.Arrays;

/**
 * What one request needs to show reactions on a thread's posts: the reactions on them (with hers),
 * the page's form token, her language, and which post's buttons she opened (the {@code r} query
 * parameter, or null). Only that post carries its buttons: a thread of fifty replies stays light.
 */
record ReactionsContext(ReactionsBoard board, String csrf, Messages t, String openPostId) {

    /** The query parameter naming the post whose reaction buttons are shown. */
    static final String OPEN = "r";

    ReactionsContext {
        openPostId = Ids.looksValid(openPostId) ? openPostId : null;
    }

    /** The reactions of a post readers can react to; null for one that takes none. */
    ReactionsBar bar(Post p) {
        if (p.deleted() || p.removed() || p.held()) {
            return null;
        }
        return new ReactionsBar(openUrl(p.id()), reactUrl(p.circleName(), p.threadId(), p.id()), csrf,
                Arrays.stream(ReactionKind.values())
                        .map(kind -> new ReactionsBar.Button(kind.wire(), t.get(kind.labelKey()),
                                board.count(p.id(), kind), board.pressed(p.id(), kind)))
                        .toList(),
                p.id().equals(openPostId));
    }

    /** The thread page with this post's buttons shown, at the post (relative to the thread's address). */
    static String openUrl(String postId) {
        return "?" + OPEN + "=" + postId + "#" + Views.anchor(postId);
    }

    static String reactUrl(String circle, String thread, String post) {
        return Views.threadUrl(circle, thread) + "/p/" + post + "/react";
    }
}
