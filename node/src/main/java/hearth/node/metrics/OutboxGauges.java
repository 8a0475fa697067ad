package hearth.node.metrics;

import hearth.node.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox as gauges, per receiving host: {@code pending} (waiting, including retries),
 * {@code failing} (pending after at least one failed attempt), {@code gave_up} and
 * {@code delivered}. Read from the store at each scrape, so they are right across restarts and
 * across processes sharing one database. Call {@link #refresh()} from a thread that may block.
 */
final class OutboxGauges {

    private static final String COUNTS = "SELECT host, state, COUNT(*), SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END)"
            + " FROM delivery GROUP BY host, state";

    private final Database db;
    private final MultiGauge deliveries;

    OutboxGauges(Database db, MeterRegistry registry) {
        this.db = db;
        this.deliveries = MultiGauge.builder("hearth.deliveries")
                .description("Outbox rows by receiving host and state (pending, failing, gave_up, delivered)")
                .register(registry);
    }

    void refresh() {
        List<MultiGauge.Row<?>> rows = db.read(c -> {
            List<MultiGauge.Row<?>> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(COUNTS); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String host = r.getString(1);
                    String state = r.getString(2);
                    found.add(MultiGauge.Row.of(Tags.of("host", host, "state", state), r.getLong(3)));
                    if ("pending".equals(state)) {
                        found.add(MultiGauge.Row.of(Tags.of("host", host, "state", "failing"), r.getLong(4)));
                    }
                }
            }
            return found;
        });
        deliveries.register(rows, true);
    }
}
