package hearth.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Derived components (RFC 9421 section 2.2) and the HTTP Date format. */
class UrisAndQueryParamsTest {

    @Test
    void authorityDropsTheDefaultPortAndLowercases() {
        assertEquals("www.example.com", Uris.authority(URI.create("HTTPS://WWW.Example.com:443/path")));
        assertEquals("www.example.com:8080", Uris.authority(URI.create("http://www.example.com:8080/")));
        assertEquals("www.example.com", Uris.authority(URI.create("http://www.example.com:80")));
    }

    @Test
    void pathQueryAndTargetKeepPercentEncoding() {
        URI uri = URI.create("https://www.example.com/p%2Fx?param=value&baz=bat%2Dman#fragment");

        assertEquals("/p%2Fx", Uris.path(uri));
        assertEquals("?param=value&baz=bat%2Dman", Uris.query(uri));
        assertEquals("/p%2Fx?param=value&baz=bat%2Dman", Uris.requestTarget(uri));
        assertEquals("https://www.example.com/p%2Fx?param=value&baz=bat%2Dman", Uris.targetUri(uri));
    }

    @Test
    void emptyPathIsASlashAndAbsentQueryIsAQuestionMark() {
        URI uri = URI.create("https://www.example.com");

        assertEquals("/", Uris.path(uri));
        assertEquals("?", Uris.query(uri));
    }

    @Test
    void queryParamValuesOfRfc9421Section228() {
        URI uri = URI.create("https://www.example.com/path?param=value&foo=bar&baz=batman&qux=");

        assertEquals("batman", QueryParams.value(uri, "baz"));
        assertEquals("", QueryParams.value(uri, "qux"));
        assertEquals("value", QueryParams.value(uri, "param"));
    }

    @Test
    void queryParamsAreReEncodedAsRfc9421Section228Shows() {
        URI uri = URI.create("https://www.example.com/parameters?var=this%20is%20a%20big%0Amultiline%20value"
                + "&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something");

        assertEquals("this%20is%20a%20big%0Amultiline%20value", QueryParams.value(uri, "var"));
        assertEquals("with%20plus%20whitespace", QueryParams.value(uri, "bar"));
        assertEquals("something", QueryParams.value(uri, "fa%C3%A7ade%22%3A%20"));
    }

    @Test
    void anAbsentQueryParamCannotBeSigned() {
        URI uri = URI.create("https://www.example.com/path?a=1");

        assertEquals("absent header @query-param",
                assertThrows(SignatureProblem.class, () -> QueryParams.value(uri, "b")).reason());
    }

    @Test
    void aRepeatedQueryParamCannotBeSigned() {
        URI uri = URI.create("https://www.example.com/path?a=1&a=2");

        assertEquals("malformed signature",
                assertThrows(SignatureProblem.class, () -> QueryParams.value(uri, "a")).reason());
    }

    @Test
    void datesAreImfFixdateWithATwoDigitDay() {
        assertEquals("Sun, 05 Jan 2014 21:31:40 GMT", HttpDates.format(Instant.parse("2014-01-05T21:31:40Z")));
        assertEquals(Instant.parse("2014-01-05T21:31:40Z"), HttpDates.parse("Sun, 05 Jan 2014 21:31:40 GMT"));
    }
}
