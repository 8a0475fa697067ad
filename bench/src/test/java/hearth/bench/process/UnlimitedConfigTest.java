package hearth.bench.process;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnlimitedConfigTest {

    private static final String EXAMPLE = "node:\n  name: \"Hearth\"\ncircles:\n  - name: perinatal\n";

    @Test
    void keepsTheExampleAndRaisesEveryLimit() {
        String config = UnlimitedConfig.withoutLimits(EXAMPLE);
        assertTrue(config.startsWith(EXAMPLE.stripTrailing()), config);
        for (String limit : new String[] {"posts", "postsPerAuthor", "reports", "searches"}) {
            assertTrue(config.contains("\n  " + limit + ": {perMinute: 1000000, burst: 1000000}\n"), limit);
        }
    }

    @Test
    void refusesAnExampleThatSetsItsOwnLimits() {
        assertThrows(IllegalStateException.class,
                () -> UnlimitedConfig.withoutLimits(EXAMPLE + "limits:\n  posts: {perMinute: 10}\n"));
    }
}
