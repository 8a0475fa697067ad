package hearth.node.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Names of addresses under a key that is random and replaced on a schedule. */
class RotatingKeysTest {

    private final AtomicLong now = new AtomicLong(0);
    private final RotatingKeys names = new RotatingKeys(Duration.ofHours(1), now::get);

    @Test
    void theSameAddressHasTheSameNameWithinThePeriod() {
        String first = names.of("203.0.113.9");
        now.addAndGet(Duration.ofMinutes(59).toNanos());
        assertEquals(first, names.of("203.0.113.9"));
    }

    @Test
    void twoAddressesHaveTwoNames() {
        assertNotEquals(names.of("203.0.113.9"), names.of("203.0.113.10"));
    }

    @Test
    void afterThePeriodTheSameAddressHasANewName() {
        String before = names.of("203.0.113.9");
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertNotEquals(before, names.of("203.0.113.9"));
    }

    @Test
    void twoNodesNameTheSameAddressDifferently() {
        RotatingKeys other = new RotatingKeys(Duration.ofHours(1), now::get);
        assertNotEquals(names.of("203.0.113.9"), other.of("203.0.113.9"), "the key is random, not derived");
    }

    @Test
    void aNameHoldsNothingOfTheAddress() {
        String name = names.of("203.0.113.9");
        assertTrue(name.matches("[0-9a-f]{32}"), name);
        assertFalse(name.contains("203"), name);
    }

    @Test
    void aPeriodOfZeroIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RotatingKeys(Duration.ZERO, now::get));
    }
}
