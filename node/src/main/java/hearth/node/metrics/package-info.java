/**
 * The node's metrics in the Prometheus text format, on a port of their own (loopback by default):
 * {@link hearth.node.metrics.Metrics} is the one-line facade the rest of the node records through,
 * {@link hearth.node.metrics.HttpMetrics} times requests by route template, and
 * {@link hearth.node.metrics.NodeMetrics} owns a node's registry, its gauges (outbox, index lag,
 * JVM) and the {@code /metrics} endpoint.
 *
 * <p>It must never label a metric with anything a client sent: no raw paths, no query strings, no
 * addresses, no user agents, no author keys, no circle or thread names from a request. Labels
 * come from fixed sets (route templates, status classes, rejection reasons) or from the node's
 * own outbox (the hosts it delivers to).
 */
package hearth.node.metrics;
