package hearth.federation.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuardTest {

    private static final List<String> PARTNERS = List.of("friends.example", "Circle.Partner.org");

    private static Decision decision(String domain) {
        return new Decision(Domains.normalize(domain), DomainBlock.of(domain, Severity.SUSPEND), List.of("A"), true);
    }

    private static List<String> reasons(String domain) {
        return Guard.reasonsToHold(decision(domain), "hearth.example", PARTNERS);
    }

    @Test
    void anUnrelatedDomainIsNotHeld() {
        assertEquals(List.of(), reasons("spam.example"));
    }

    @Test
    void blockingTheNodeItselfIsHeld() {
        assertEquals(List.of("it would block this node (hearth.example)"), reasons("hearth.example"));
    }

    @Test
    void aBroaderDomainCoveringTheNodeIsHeldWithEveryPartnerItCovers() {
        assertEquals(List.of("it would block this node (hearth.example)", "it would block the partner friends.example"),
                reasons("example"));
    }

    @Test
    void aSubdomainOfTheNodeIsHeld() {
        assertEquals(List.of("it would block this node (hearth.example)"), reasons("media.hearth.example"));
    }

    @Test
    void blockingAPartnerIsHeld() {
        assertEquals(List.of("it would block the partner circle.partner.org"), reasons("circle.partner.org"));
        assertEquals(List.of("it would block the partner circle.partner.org"), reasons("partner.org"));
    }

    @Test
    void aNameThatOnlyEndsLikeTheNodeIsNotHeld() {
        assertEquals(List.of(), reasons("myhearth.example"));
    }

    @Test
    void nodesSideBySideOnOneMachineAreToldApartByPort() {
        Decision other = decision("127.0.0.1:8082");
        assertEquals(List.of(), Guard.reasonsToHold(other, "127.0.0.1:8081", List.of()));
        assertEquals(List.of("it would block this node (127.0.0.1:8081)"),
                Guard.reasonsToHold(decision("127.0.0.1"), "127.0.0.1:8081", List.of()));
    }

    @Test
    void tooManyIsMoreThanTheLimit() {
        assertFalse(Guard.tooMany(200, 200));
        assertTrue(Guard.tooMany(201, 200));
        assertTrue(Guard.tooMany(1, 0));
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Guard.tooMany(0, -1));
    }
}
