package hearth.node.federation;

import hearth.federation.activity.Activity;
import hearth.federation.json.Json;
import hearth.node.store.Database;
import java.net.URI;
import java.time.Clock;
import java.util.Set;

/**
 * Queues one activity for one inbox (answers to follows, this node's own follows and undos).
 * Posts reach followers through the {@link Publisher}; this is for everything else. Thread-safe.
 */
public final class Outbox {

    private final Database db;
    private final DeliveryWorker worker;
    private final Clock clock;

    public Outbox(Database db, DeliveryWorker worker, Clock clock) {
        this.db = db;
        this.worker = worker;
        this.clock = clock;
    }

    public void send(Activity activity, String signer, URI inbox) {
        byte[] body = Json.bytes(activity.toJson());
        db.write(c -> Deliveries.enqueue(c, activity.id(), body, signer, Set.of(inbox), clock.millis()));
        worker.nudge();
    }
}
