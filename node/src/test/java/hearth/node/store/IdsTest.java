package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsSortByCreationTime() {
        String earlier = Ids.next(1_700_000_000_000L);
        String later = Ids.next(1_700_000_000_001L);
        assertTrue(earlier.compareTo(later) < 0, earlier + " !< " + later);
    }

    @Test
    void idsAreUniqueWithinOneMillisecond() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(Ids.next(1_700_000_000_000L));
        }
        assertEquals(100_000, seen.size());
    }

    @Test
    void idsHaveTheirShape() {
        String id = Ids.next();
        assertEquals(26, id.length());
        assertTrue(Ids.looksValid(id));
        assertFalse(Ids.looksValid(id.toLowerCase()));
        assertFalse(Ids.looksValid("../../etc/passwd"));
        assertFalse(Ids.looksValid(null));
    }
}
