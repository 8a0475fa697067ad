package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What a moderator may type as a source, checked before anything is stored or fetched. */
class SourceChecksTest {

    @Test
    void acceptsAnHttpsAddress() {
        assertEquals(URI.create("https://a.example/blocklist.json"),
                Subscriptions.checkUrl(" https://a.example/blocklist.json "));
    }

    @Test
    void refusesAnotherScheme() {
        assertThrows(SubscriptionProblem.class, () -> Subscriptions.checkUrl("file:///etc/passwd"));
    }

    @Test
    void refusesARelativeAddress() {
        assertThrows(SubscriptionProblem.class, () -> Subscriptions.checkUrl("/blocklist.json"));
    }

    @Test
    void refusesAnAddressWithCredentials() {
        assertThrows(SubscriptionProblem.class, () -> Subscriptions.checkUrl("https://me:pw@a.example/x.csv"));
    }

    @Test
    void refusesSomethingThatIsNotAnAddress() {
        assertThrows(SubscriptionProblem.class, () -> Subscriptions.checkUrl("https://a example/"));
    }

    @Test
    void refusesAnUnknownKind() {
        assertThrows(SubscriptionProblem.class, () -> SourceKind.parse("json"));
    }

    @Test
    void addsSinceToAnAddressWithOrWithoutAQuery() {
        assertEquals(URI.create("https://a.example/blocklist.json?since=7"),
                SourceReader.withSince(URI.create("https://a.example/blocklist.json"), 7));
        assertEquals(URI.create("https://a.example/feed?list=x&since=0"),
                SourceReader.withSince(URI.create("https://a.example/feed?list=x"), 0));
    }
}
