package hearth.node.blocks.subscriptions;

import hearth.ui.i18n.Text;
import java.util.Locale;

/** What a subscribed URL serves: Hearth's signed feed, or a Mastodon domain-block CSV. */
public enum SourceKind {
    /** A signed {@code /blocklist.json}, fetched incrementally with {@code ?since=}. */
    HEARTH,
    /** A plain Mastodon CSV, fetched whole each time; nothing vouches for it but the address. */
    CSV;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws SubscriptionProblem if the word is neither {@code hearth} nor {@code csv} */
    public static SourceKind parse(String word) {
        if (word != null) {
            for (SourceKind kind : values()) {
                if (kind.wire().equals(word.strip().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
        }
        throw new SubscriptionProblem(Text.of("moderation.subscriptions.problem.kind"));
    }
}
