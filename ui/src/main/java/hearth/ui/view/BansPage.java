package hearth.ui.view;

import java.util.List;

/** Active bans she can see, each with a form to lift it. */
public record BansPage(Chrome chrome, String csrf, List<Row> bans) {
    public BansPage {
        bans = List.copyOf(bans);
    }

    /** One ban: where ("the whole node" or a circle), the pseudonym acted on, why, since and until. */
    public record Row(String liftUrl, String where, String pseudonym, String reason, String since, String until) {
    }
}
