package hearth.node.browser;

import hearth.node.TestNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A woman's usual steps in a real browser, through the pages' own forms: start a thread, reply,
 * sign in as a moderator and act on a post. Elements are found by their names and form actions,
 * never by their wording, so these keep working in any language. Static helpers, no state; each
 * call waits until the page it leads to has loaded.
 */
public final class Posting {

    public static final Pattern THREAD_PATH = Pattern.compile("/c/[a-z0-9-]+/t/[0-9A-Z]{26}");
    private static final Pattern POST_ID = Pattern.compile("#p-([0-9A-Z]{26})$");

    private Posting() {
    }

    /** Starts a thread in {@code circle}; returns its path ({@code /c/circle/t/ID}). */
    public static String startThread(ChromeDriver her, TestNode node, String circle, String title, String body) {
        her.get(node.url("/c/" + circle + "/new").toString());
        her.findElement(By.id("title")).sendKeys(title);
        her.findElement(By.id("body")).sendKeys(body);
        Browsers.click(her, By.cssSelector("form.compose button[type=submit]"));
        Browsers.waitFor(her).until(ExpectedConditions.urlMatches(".*" + THREAD_PATH.pattern() + "$"));
        return path(her);
    }

    /** Replies to the thread at {@code threadPath}; returns the new post's id. */
    public static String reply(ChromeDriver her, TestNode node, String threadPath, String body) {
        return reply(her, node, threadPath, body, "");
    }

    /** Replies behind a content warning ({@code ""} for none); returns the new post's id. */
    public static String reply(ChromeDriver her, TestNode node, String threadPath, String body, String warning) {
        her.get(node.url(threadPath).toString());
        her.findElement(By.cssSelector("section.reply textarea[name=body]")).sendKeys(body);
        if (!warning.isEmpty()) {
            her.findElement(By.cssSelector("section.reply input[name=contentWarning]")).sendKeys(warning);
        }
        Browsers.click(her, By.cssSelector("section.reply button[type=submit]"));
        Browsers.waitFor(her).until(ExpectedConditions.urlContains("#p-"));
        Matcher id = POST_ID.matcher(her.getCurrentUrl());
        if (!id.find()) {
            throw new IllegalStateException("no post id in " + her.getCurrentUrl());
        }
        return id.group(1);
    }

    /** The id of the first post of the thread she is looking at. */
    public static String openingPostId(ChromeDriver her) {
        return her.findElement(By.cssSelector("ol.posts li.post")).getAttribute("id").substring(2);
    }

    /** Signs in to the moderation console and waits for the queue. */
    public static void signIn(ChromeDriver moderator, TestNode node, String name, String password) {
        moderator.get(node.url("/mod/login").toString());
        moderator.findElement(By.id("name")).sendKeys(name);
        moderator.findElement(By.id("password")).sendKeys(password);
        Browsers.click(moderator, By.cssSelector("form.login button[type=submit]"));
        Browsers.waitFor(moderator).until(ExpectedConditions.urlMatches(".*/mod$"));
    }

    /**
     * Submits the console form whose action ends with {@code action} on a post's console page
     * ("remove", "lock", "ban"…), filling its fields by name first.
     */
    public static void moderate(ChromeDriver moderator, TestNode node, String postId, String action,
                                String... nameValues) {
        moderator.get(node.url("/mod/posts/" + postId).toString());
        WebElement form = moderator.findElement(By.cssSelector("form[action$='/" + action + "']"));
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            WebElement field = form.findElement(By.name(nameValues[i]));
            if ("select".equals(field.getTagName())) {
                field.findElement(By.cssSelector("option[value='" + nameValues[i + 1] + "']")).click();
            } else {
                field.sendKeys(nameValues[i + 1]);
            }
        }
        Browsers.clickCentred(moderator, form.findElement(By.cssSelector("button[type=submit]")));
        Browsers.waitFor(moderator).until(ExpectedConditions.urlContains("done="));
    }

    /** The path and fragment of the page she is on, without the node's address. */
    public static String path(ChromeDriver her) {
        return her.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }
}
