/**
 * Interop tests against real fediverse software: {@link hearth.node.interop.FedifyPeer} runs a
 * Fedify server (npm {@code @fedify/fedify}, installed under {@code target/fedify/}) as a child
 * process that follows Hearth circles and replies to their threads over loopback.
 *
 * <p>Knows Hearth only from the outside, through HTTP and ActivityPub; never calls node classes.
 */
package hearth.node.interop;
