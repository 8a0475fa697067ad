package hearth.federation.proof;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical check Data Integrity asks for {@code created} and {@code expires}: an XML Schema
 * 1.1 dateTime such as {@code 2023-02-24T23:36:38Z}. Years are limited to four digits, which
 * every real proof uses. Stateless and thread-safe.
 */
final class XsdDateTime {

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(Z|[+-](\\d{2}):(\\d{2}))?");

    private XsdDateTime() {
    }

    static boolean isValid(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = Integer.parseInt(m.group(6));
            // XML Schema allows 24:00:00 for the end of a day, and nothing else past 23:59:59.
            boolean endOfDay = hour == 24 && minute == 0 && second == 0 && m.group(7) == null;
            if (!endOfDay) {
                LocalTime.of(hour, minute, second);
            }
            if (m.group(9) != null) {
                int offsetHours = Integer.parseInt(m.group(9));
                int offsetMinutes = Integer.parseInt(m.group(10));
                return offsetMinutes < 60 && (offsetHours < 14 || offsetHours == 14 && offsetMinutes == 0);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
