/**
 * JSON for the protocol: a parser with limits for untrusted input, and small readers for the
 * shapes ActivityPub allows (a value or a list, an id or an embedded object).
 *
 * <p>Knows nothing of activities; the vocabulary packages build on it.
 */
package hearth.federation.json;
