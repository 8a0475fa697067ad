/**
 * Who wrote what, without knowing who she is: author keys (held by her browser only),
 * the keyed author id the node stores instead, generated pseudonyms, and the recovery
 * phrase that carries a key to another device as words.
 *
 * <p>Nothing here may touch an IP address, a user agent, or a log line with a key in it.
 */
package hearth.node.author;
