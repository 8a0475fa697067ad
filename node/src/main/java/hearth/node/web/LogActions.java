package hearth.node.web;

import hearth.ui.i18n.Text;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words for the moderation log's actions. The log stores a short code per action
 * ({@code remove-thread}, {@code ban-circle-7d}); the public log page says each in the reader's
 * language. A code without words yet is shown as it is stored.
 */
final class LogActions {

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("approve", "moderation.log.action.approve"),
            Map.entry("remove-post", "moderation.log.action.removePost"),
            Map.entry("remove-thread", "moderation.log.action.removeThread"),
            Map.entry("restore", "moderation.log.action.restore"),
            Map.entry("lock", "moderation.log.action.lock"),
            Map.entry("unlock", "moderation.log.action.unlock"),
            Map.entry("ban-node", "moderation.log.action.banNode"),
            Map.entry("ban-circle", "moderation.log.action.banCircle"),
            Map.entry("lift-ban", "moderation.log.action.liftBan"),
            Map.entry("posting-policy", "moderation.log.action.postingPolicy"),
            Map.entry("block-domain", "moderation.log.action.blockDomain"),
            Map.entry("change-block", "moderation.log.action.changeBlock"),
            Map.entry("lift-block", "moderation.log.action.liftBlock"),
            Map.entry("block-actor", "moderation.log.action.blockActor"),
            Map.entry("lift-actor-block", "moderation.log.action.liftActorBlock"),
            Map.entry("blocklist-applied", "moderation.log.action.blocklistApplied"),
            Map.entry("blocklist-declined", "moderation.log.action.blocklistDeclined"),
            Map.entry("blocklist-held", "moderation.log.action.blocklistHeld"),
            Map.entry("blocklist-refused", "moderation.log.action.blocklistRefused"));

    /** Bans for a number of days are stored as {@code ban-node-7d}. */
    private static final Pattern TIMED_BAN = Pattern.compile("ban-(node|circle)-(\\d{1,5})d");
    private static final String NODE_DAYS = "moderation.log.action.banNodeDays";
    private static final String CIRCLE_DAYS = "moderation.log.action.banCircleDays";

    private LogActions() {
    }

    /** What {@code code} says; an unknown code says itself. */
    static Text of(String code) {
        Matcher timed = TIMED_BAN.matcher(code);
        if (timed.matches()) {
            return Text.of(timed.group(1).equals("node") ? NODE_DAYS : CIRCLE_DAYS, Integer.parseInt(timed.group(2)));
        }
        String key = KEYS.get(code);
        return key == null ? Text.of("moderation.log.action.other", code) : Text.of(key);
    }
}
