package hearth.node.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PseudonymNamesTest {

    @Test
    void namesAreFriendlyWordsAndFourDigits() {
        long seed = new Random().nextLong();
        PseudonymNames names = new PseudonymNames(new Random(seed));
        for (int i = 0; i < 1000; i++) {
            String name = names.next();
            assertTrue(name.matches("[A-Z][a-z]+ [A-Z][a-z]+ [1-9]\\d{3}"), "seed " + seed + ": " + name);
        }
    }

    @Test
    void theWordListsHaveNoRepeats() {
        assertEquals(PseudonymNames.ADJECTIVES.size(), new HashSet<>(PseudonymNames.ADJECTIVES).size());
        assertEquals(PseudonymNames.NAMES.size(), new HashSet<>(PseudonymNames.NAMES).size());
    }

    @Test
    void thereIsRoomForManyAuthors() {
        long space = (long) PseudonymNames.ADJECTIVES.size() * PseudonymNames.NAMES.size() * 9000;
        assertTrue(space > 30_000_000, "only " + space + " names");
        Set<String> seen = new HashSet<>();
        PseudonymNames names = new PseudonymNames(new Random(42));
        for (int i = 0; i < 10_000; i++) {
            seen.add(names.next());
        }
        assertTrue(seen.size() > 9_990, "too many repeats: " + seen.size());
    }
}
