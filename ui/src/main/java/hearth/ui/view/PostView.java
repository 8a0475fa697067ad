package hearth.ui.view;

import hearth.ui.text.PostHtml;

/**
 * One post in a thread. {@code editUrl} and {@code deleteUrl} are null unless the reader wrote it.
 * {@code body} is already-cleaned HTML from {@link hearth.ui.text.PostFormatter}.
 */
public record PostView(String anchor, String pseudonym, String created, String createdIso, boolean edited,
                       boolean deleted, boolean opening, PostHtml body, String editUrl, String deleteUrl) {

    public boolean mine() {
        return editUrl != null;
    }
}
