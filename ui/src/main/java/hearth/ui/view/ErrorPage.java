package hearth.ui.view;

import java.util.List;

/**
 * A calm page for anything that went wrong; never a stack trace.
 *
 * @param kept what she had typed into the form whose sending failed, shown back so that nothing
 *     she wrote is lost; empty when no words came with the request
 */
public record ErrorPage(Chrome chrome, int status, String heading, String message, List<KeptText> kept) {

    public ErrorPage {
        kept = List.copyOf(kept);
    }

    public ErrorPage(Chrome chrome, int status, String heading, String message) {
        this(chrome, status, heading, message, List.of());
    }

    /**
     * One field of the failed form.
     *
     * @param field the form field's name (title, body, ...), for the page's element ids
     * @param label its label, already in her language
     * @param text her words in it
     */
    public record KeptText(String field, String label, String text) {
    }
}
