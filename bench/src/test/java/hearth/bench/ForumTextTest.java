package hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForumTextTest {

    private static List<String> sample(long seed) {
        ForumText text = new ForumText(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            out.add(text.title());
            out.add(text.opening());
            out.add(text.reply());
        }
        return out;
    }

    @Test
    void sameSeedSameText() {
        assertEquals(sample(7), sample(7));
        assertNotEquals(sample(7), sample(8));
    }

    @Test
    void fitsTheNodesLimitsAndFillsEverySlot() {
        ForumText text = new ForumText(1);
        for (int i = 0; i < 2_000; i++) {
            String title = text.title();
            String body = i % 2 == 0 ? text.opening() : text.reply();
            assertTrue(!title.isBlank() && title.length() <= 200, title);
            assertTrue(!body.isBlank() && body.length() <= 20_000, body);
            assertTrue(!title.contains("{") && !body.contains("{"), "unfilled slot: " + title + " / " + body);
        }
    }
}
