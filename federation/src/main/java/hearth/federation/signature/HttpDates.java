package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The HTTP {@code Date} header: written as RFC 7231 IMF-fixdate, read leniently. Stateless. */
final class HttpDates {

    // RFC_1123_DATE_TIME writes "Sun, 5 Jan 2014": IMF-fixdate needs the two-digit day.
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** {@code "Sun, 05 Jan 2014 21:31:40 GMT"}. */
    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** Reads an IMF-fixdate (or the RFC 1123 form with a one-digit day). */
    static Instant parse(String value) {
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new SignatureProblem(Kind.MALFORMED_DATE);
        }
    }
}
