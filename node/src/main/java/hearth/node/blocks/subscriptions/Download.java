package hearth.node.blocks.subscriptions;

import hearth.node.federation.Outbound;
import java.net.URI;
import java.time.Duration;

/**
 * A GET through the node's {@link Outbound} (private addresses refused, no redirects, body
 * bounded), signed by the node's actor. Implementations are thread-safe and block until the
 * answer is in; they throw {@link Outbound.Failed} when the request could not be made.
 */
@FunctionalInterface
public interface Download {

    Outbound.Response get(URI uri, Duration timeout);
}
