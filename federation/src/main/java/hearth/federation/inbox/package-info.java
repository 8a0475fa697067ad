/**
 * The rules an inbound activity must pass before a node stores anything: who may say what
 * about which objects. Pure checks on parsed activities; signature and key checks are in
 * {@code signature}, proofs in {@code proof}, and the node does the fetching.
 */
package hearth.federation.inbox;
