package hearth.federation.object;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Posts keep their times to the second because that is how Hearth writes them: a post read back
 * from what Hearth sent is then equal to the post it sent.
 */
final class Times {

    private Times() {
    }

    static Instant toSecond(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
    }
}
