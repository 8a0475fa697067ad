/**
 * Who wrote what, without knowing who she is: author keys (held by her browser only),
 * the keyed author id the node stores instead, and generated pseudonyms.
 *
 * <p>Nothing here may touch an IP address, a user agent, or a log line with a key in it.
 */
package hearth.node.author;
