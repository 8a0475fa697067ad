package hearth.federation.proof;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * ECMAScript's Number::toString for finite doubles (ECMA-262, section Number::toString), which
 * RFC 8785 section 3.2.2.3 adopts for JSON numbers. Stateless and thread-safe.
 */
final class EcmaNumbers {

    private EcmaNumbers() {
    }

    static String toString(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("no JSON form for " + value);
        }
        if (value == 0) {
            return "0"; // minus zero too
        }
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // the decimal point sits after n digits
        String sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        String exponent = (n - 1 < 0 ? "-" : "+") + Math.abs(n - 1);
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + exponent;
    }

    /**
     * The shortest decimal that reads back as {@code value}, closest to it when several do.
     * Java's Double.toString (JDK 19+) already finds it, except that where one digit would
     * do it may print two (4.9E-324 where ECMAScript writes 5e-324), so the two one-digit
     * neighbours of such a result are tried.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal javas = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (javas.precision() != 2) {
            return javas;
        }
        BigDecimal exact = new BigDecimal(value);
        BigInteger leading = javas.unscaledValue().divide(BigInteger.TEN);
        BigDecimal best = null;
        for (BigInteger digit : new BigInteger[] {leading, leading.add(BigInteger.ONE)}) {
            BigDecimal candidate = new BigDecimal(digit, javas.scale() - 1);
            if (digit.signum() > 0 && Double.parseDouble(candidate.toString()) == value
                    && (best == null || closer(candidate, best, exact))) {
                best = candidate;
            }
        }
        return best == null ? javas : best.stripTrailingZeros();
    }

    private static boolean closer(BigDecimal candidate, BigDecimal best, BigDecimal exact) {
        int order = candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
        return order < 0 || order == 0 && !candidate.unscaledValue().testBit(0);
    }
}
