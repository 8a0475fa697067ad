package hearth.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTrips() {
        Cursor cursor = new Cursor(123, 1_700_000_000_000L, Float.floatToIntBits(4.25f), "post-\u00e9-1", 17);
        assertEquals(cursor, Cursor.decode(cursor.encode(), 123));
    }

    @Test
    void roundTripsTheTopOfTheFirstWindow() {
        Cursor cursor = new Cursor(5, 1L, 0, null, 20);
        assertEquals(cursor, Cursor.decode(cursor.encode(), 5));
    }

    @Test
    void offsetsOutsideAWindowAreRefused() {
        assertNull(Cursor.decode(new Cursor(5, 1L, 0, null, -1).encode(), 5));
        assertNull(Cursor.decode(new Cursor(5, 1L, 0, null, Recency.WINDOW + 1).encode(), 5));
    }

    @Test
    void belongsToOneQuery() {
        Cursor cursor = new Cursor(123, 1L, 2L, "p", 0);
        assertNull(Cursor.decode(cursor.encode(), 124));
    }

    @Test
    void garbledTokensMeanNoCursor() {
        for (String token : new String[] {null, "", "=", "AAAA", "AQ", "////", "\u0000", "é"}) {
            assertNull(Cursor.decode(token, 0), token);
        }
    }

    @Test
    void fingerprintDependsOnTextFiltersAndOrder() {
        SearchQuery query = SearchQuery.of("sleep");
        int base = Cursor.fingerprint("sleep", query);
        assertEquals(base, Cursor.fingerprint("sleep", query.after("anything").withPageSize(3)));
        assertEquals(false, base == Cursor.fingerprint("sleeps", query));
        assertEquals(false, base == Cursor.fingerprint("sleep", query.inCircle("loss")));
        assertEquals(false, base == Cursor.fingerprint("sleep", query.localOnly(true)));
        assertEquals(false, base == Cursor.fingerprint("sleep", query.ordered(SearchQuery.Order.NEWEST)));
    }
}
