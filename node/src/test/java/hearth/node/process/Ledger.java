package hearth.node.process;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the women of a crash test were told: the markers of the posts the node acknowledged,
 * the threads they may reply in, the word each round's posts share, and anything that went
 * wrong while the node was still alive. Thread-safe: writers add while the test reads.
 */
final class Ledger {

    /** A thread the node acknowledged. */
    record KnownThread(String circle, String id) {
    }

    final List<KnownThread> threads = new CopyOnWriteArrayList<>();
    final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> searched = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> roundWords = new ConcurrentHashMap<>();
    private volatile int sent;

    void sent() {
        sent++;
    }

    /** Posts sent, whatever the node answered (a count, for the figures; racy increments are fine). */
    int sentCount() {
        return sent;
    }

    void acknowledged(String marker) {
        acknowledged.add(marker);
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    void roundWord(int round, String word) {
        roundWords.put(round, word);
    }

    Map<Integer, String> roundWords() {
        return new TreeMap<>(roundWords);
    }

    /** Acknowledged posts not yet looked for in search. */
    Set<String> uncheckedInSearch() {
        Set<String> unchecked = new java.util.HashSet<>(acknowledged);
        unchecked.removeAll(searched);
        return unchecked;
    }

    /** Everything acknowledged so far has been looked for. */
    void searchChecked() {
        searched.addAll(acknowledged);
    }
}
