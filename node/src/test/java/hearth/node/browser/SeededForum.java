package hearth.node.browser;

import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.store.Database;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A forum with something on every kind of page, made through the pages' own forms in real
 * browsers: an open thread with replies (one of them hers, one behind a content warning), and a locked thread in which another
 * woman's reply was removed and hers waits for a moderator; a banned author, a domain block, a
 * report in the queue, and posts in the search index. Built once per test class; immutable after.
 *
 * @param openThread   path of the open thread (hers, with three replies)
 * @param lockedThread path of the locked thread (hers; a removed reply, her held reply)
 * @param herReply     id of her own reply in the open thread
 * @param otherReply   id of another woman's reply in the open thread
 * @param heldReply    id of her reply held for a moderator in the locked thread
 */
public record SeededForum(String openThread, String lockedThread, String herReply, String otherReply,
                          String heldReply) {

    public static final String MODERATOR = "maya";
    public static final String PASSWORD = "correct horse battery staple";
    /** A word only the seeded posts contain, to search for. */
    public static final String MARKER = "lanternfish";

    /**
     * Seeds the node. {@code her} and {@code other} are two women's browsers, {@code moderator}
     * ends up signed in to the console, {@code reader} sends a report and stays a newcomer.
     */
    public static SeededForum seed(TestNode node, ChromeDriver her, ChromeDriver other, ChromeDriver moderator,
                                   ChromeDriver reader) {
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            db.write(c -> {
                ModeratorAccounts.createOrUpdate(c, MODERATOR, PASSWORD.toCharArray(), true, List.of(),
                        System.currentTimeMillis());
                return null;
            });
        }
        String open = Posting.startThread(her, node, "everyday", "Sleepless again",
                "Third night awake. Counting " + MARKER + " does not help.\n\nDoes *anything* work for you?");
        String otherReply = Posting.reply(other, node, open,
                "A warm shower and no screens after nine. It took a week, but it helps. " + MARKER);
        String herReply = Posting.reply(her, node, open, "Thank you, I will try the shower tonight.");
        Posting.reply(other, node, open, "Since my mother died I sleep badly too. " + MARKER, "loss");

        String locked = Posting.startThread(her, node, "recovery", "Day twelve", "Twelve days. Some of them hard.");
        String lockedOpening = Posting.openingPostId(her);
        String trollReply = Posting.reply(other, node, locked, "I know who you are, you live on Birch Street.");

        Posting.signIn(moderator, node, MODERATOR, PASSWORD);
        holdEveryPost(moderator, node, "recovery");
        String held = Posting.reply(her, node, locked, "Still here, still counting days.");
        Posting.moderate(moderator, node, trollReply, "remove", "reason", "It names where someone lives");
        Posting.moderate(moderator, node, trollReply, "ban", "reason", "Threatening a member");
        Posting.moderate(moderator, node, lockedOpening, "lock");
        blockDomain(moderator, node, "spam.example");

        String report = open + "/p/" + otherReply + "/report";
        reader.get(node.url(report).toString());
        reader.findElement(By.cssSelector("input[name=reason][value=spam]")).click();
        Browsers.click(reader, By.cssSelector("form.report button[type=submit]"));
        Browsers.waitFor(reader).until(d -> d.findElements(By.cssSelector("form.report")).isEmpty());
        Browsers.waitFor(reader).until(d -> {
            d.get(node.url("/search?q=" + MARKER).toString());
            return !d.findElements(By.cssSelector("ol.results li")).isEmpty();
        });
        return new SeededForum(open, locked, herReply, otherReply, held);
    }

    /** Path of the edit page of her reply. */
    public String editHerReply() {
        return openThread + "/p/" + herReply + "/edit";
    }

    /** Path of the delete confirmation of her reply. */
    public String deleteHerReply() {
        return openThread + "/p/" + herReply + "/delete";
    }

    /** Path of the report form for another woman's reply. */
    public String reportOtherReply() {
        return openThread + "/p/" + otherReply + "/report";
    }

    private static void holdEveryPost(ChromeDriver moderator, TestNode node, String circle) {
        moderator.get(node.url("/mod/circles").toString());
        WebElement form = moderator.findElement(By.cssSelector("form[action='/mod/circles/" + circle + "']"));
        form.findElement(By.cssSelector("input[name=policy][value=hold-all]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        Browsers.waitFor(moderator).until(ExpectedConditions.stalenessOf(form));
    }

    private static void blockDomain(ChromeDriver moderator, TestNode node, String domain) {
        moderator.get(node.url("/mod/blocks").toString());
        WebElement form = moderator.findElement(By.cssSelector("form[action='/mod/blocks']"));
        form.findElement(By.name("domain")).sendKeys(domain);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        Browsers.waitFor(moderator).until(ExpectedConditions.stalenessOf(form));
    }
}
