package hearth.ui.view;

import hearth.ui.text.PostHtml;

/**
 * One post in a thread. {@code editUrl} and {@code deleteUrl} are null unless the reader wrote it.
 * {@code body} is already-cleaned HTML from {@link hearth.ui.text.PostFormatter}. A held post is
 * shown only to its author and moderators; a removed one shows {@code removedReason} instead of
 * its words (moderators still see them). {@code reportUrl} and {@code moderateUrl} are null where
 * they do not apply. {@code expiresOn} (when it disappears by itself, as text) is shown to its
 * author only, so it is null for everyone else. {@code warning} is null for a post
 * without a content warning; {@code reactions} is null where the post takes none (deleted, removed, held).
 */
public record PostView(String anchor, String pseudonym, String created, String createdIso, boolean edited,
                       boolean deleted, boolean opening, PostHtml body, String editUrl, String deleteUrl,
                       boolean held, String removedReason, String reportUrl, String moderateUrl,
                       String expiresOn, ContentWarningView warning, ReactionsBar reactions) {

    public boolean mine() {
        return editUrl != null;
    }

    public boolean removed() {
        return removedReason != null;
    }

    /** Whether the words are shown: not deleted, and not removed unless the reader moderates here. */
    public boolean showWords() {
        return !deleted && (!removed() || moderateUrl != null);
    }
}
