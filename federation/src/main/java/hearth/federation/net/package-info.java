/**
 * Rules for talking to other nodes, without the talking: which addresses an outbound fetch or
 * delivery may reach ({@link hearth.federation.net.AddressPolicy}). When a failed delivery is
 * tried again is the node's setting ({@code hearth.node.federation.RetrySchedule}).
 *
 * <p>It must not open connections, resolve names, read a clock or know the outbox's storage:
 * the node does those and asks these rules. Every type is stateless and thread-safe.
 */
package hearth.federation.net;
