package hearth.federation.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * An activity Hearth sends or accepts. The {@code permits} list is the menu of everything the
 * inbox understands: adding a kind here is a compile error in the node until it is handled.
 *
 * <p>Read one with {@link Activities#fromJson}; write one with {@link #toJson()}, which includes
 * the {@code @context}. Immutable.
 */
public sealed interface Activity permits Follow, Accept, Reject, Undo, Create, Update, Delete, Announce, Like,
        Flag, Lock {

    URI id();

    URI actor();

    /** The activity as a JSON-LD document with its {@code @context}. */
    ObjectNode toJson();
}
