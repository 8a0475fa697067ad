package hearth.node.process;

import java.io.IOException;
import java.net.CookieManager;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * One woman posting as fast as the node lets her (new threads and replies in the circles of
 * {@link KillNineUnderLoadIT#CIRCLES}) until the node is killed. Each post carries a unique
 * marker word and the word its round's posts share, so the store, the search index and the
 * receiving servers can each be asked about it.
 */
final class LoadWriter implements Runnable {

    /** Bounds one round's writing, should the kill never come. */
    private static final int MAX_POSTS = 400;

    private final int round;
    private final int index;
    private final String tag;
    private final NodeProcess node;
    private final CookieManager jar;
    private final Random random;
    private final Ledger ledger;
    private final AtomicBoolean killed;

    LoadWriter(int round, int index, String tag, NodeProcess node, CookieManager jar, Random random, Ledger ledger,
            AtomicBoolean killed) {
        this.round = round;
        this.index = index;
        this.tag = tag;
        this.node = node;
        this.jar = jar;
        this.random = random;
        this.ledger = ledger;
        this.killed = killed;
        ledger.roundWord(round, roundWord(tag, round));
    }

    /** The markers a run with this tag writes, and nothing else (fixed width: none is a prefix of another). */
    static Pattern markers(String tag) {
        return Pattern.compile("mk" + tag + "r\\d\\dw\\dn\\d{4}z");
    }

    static String roundWord(String tag, int round) {
        return String.format("rd%sq%02dx", tag, round);
    }

    @Override
    public void run() {
        try (ForumClient client = new ForumClient(node.url("/"), jar)) {
            for (int n = 0; n < MAX_POSTS && !killed.get(); n++) {
                String marker = String.format("mk%sr%02dw%dn%04dz", tag, round, index, n);
                List<Ledger.KnownThread> known = ledger.threads;
                boolean newThread = known.isEmpty() || random.nextInt(3) == 0;
                Ledger.KnownThread target = newThread ? null : known.get(random.nextInt(known.size()));
                String circle = newThread
                        ? KillNineUnderLoadIT.CIRCLES.get(random.nextInt(KillNineUnderLoadIT.CIRCLES.size()))
                        : target.circle();
                String body = "Another night awake, " + roundWord(tag, round) + ". " + marker
                        + "\n\nThank you for *listening*.";
                // Her usual name only: a one-off name costs the node a fresh key pair for its first post,
                // which on a busy 2-core machine slows the outbox far more than the crashes being tested.
                String pseudonym = "usual";
                ForumClient.Answer answer;
                try {
                    ledger.sent();
                    answer = newThread
                            ? client.startThread(circle, "Awake again " + n, body, pseudonym)
                            : client.reply(circle, target.id(), body, pseudonym);
                } catch (IOException e) {
                    if (!killed.get()) {
                        ledger.unexpected.add("writer " + index + ": " + e);
                    }
                    return; // sent or not, nobody told her it was posted
                }
                if (!answer.acknowledged()) {
                    if (!killed.get()) {
                        ledger.unexpected.add("writer " + index + ": " + answer.describe());
                    }
                    return;
                }
                ledger.acknowledged(marker);
                if (newThread) {
                    ledger.threads.add(new Ledger.KnownThread(circle, answer.threadId()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!killed.get()) {
                ledger.unexpected.add("writer " + index + ": " + e);
            }
        }
    }
}
