/**
 * Limits that keep one sender from crowding out everyone else: token buckets held in memory,
 * and the keyed, rotating hashes that name a visitor's connection without remembering it.
 *
 * <p>Nothing here is written to disk or logged, and nothing here knows HTTP, the store or
 * federation: callers pass in the strings to count (a host name, an address, an author id) and
 * get back how long to wait.
 */
package hearth.node.limits;
