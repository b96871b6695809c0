package dev.imgsign.peer.go;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The parts of Go 1.19's {@code strconv} and {@code fmt} that imageproxy's options rely on, reimplemented
 * from their documented and observed behaviour: {@code Atoi}, {@code ParseInt(s, 10, 64)},
 * {@code ParseFloat(s, 64)} and {@code %v} for float64. Nothing here throws; work is linear in the input
 * (a number token is bounded by the request length). Not public API: it may change without notice.
 */
public final class GoStrconv {
    private static final long MAX_UINT64_DIV10_PLUS1 = Long.divideUnsigned(-1L, 10) + 1;
    private static final double TWO_POW_53 = 9007199254740992.0;

    private GoStrconv() {
    }

    /**
     * What {@code ParseFloat} returns: the value (kept by imageproxy even on error) and whether err == nil.
     *
     * @param value the value Go returns, also on error
     * @param ok whether Go's error is nil
     */
    public record ParsedFloat(double value, boolean ok) {
        static final ParsedFloat SYNTAX_ERROR = new ParsedFloat(0, false);
    }

    /** Go's {@code strconv.Atoi} on a 64-bit platform, returning only the value (imageproxy drops the error). */
    public static long atoi(String s) {
        int len = s.length();
        if (len > 0 && len < 19) {
            int i = 0;
            char first = s.charAt(0);
            if (first == '-' || first == '+') {
                i = 1;
                if (len == 1) {
                    return 0;
                }
            }
            long n = 0;
            for (; i < len; i++) {
                int d = s.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    return 0;
                }
                n = n * 10 + d;
            }
            return first == '-' ? -n : n;
        }
        return parseInt64(s);
    }

    /**
     * Go's {@code strconv.ParseInt(s, 10, 64)}, value only: 0 on a syntax error, the 64-bit limit of the
     * sign on overflow (overflow is detected digit by digit, so digits after the overflowing one are never
     * looked at).
     */
    public static long parseInt64(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        boolean neg = false;
        int i = 0;
        if (s.charAt(0) == '+') {
            i = 1;
        } else if (s.charAt(0) == '-') {
            neg = true;
            i = 1;
        }
        if (i == s.length()) {
            return 0; // ParseUint("") is a syntax error
        }
        long n = 0; // unsigned
        boolean range = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else {
                return 0; // letters are digits >= base 10, anything else a syntax error: both give 0
            }
            if (Long.compareUnsigned(n, MAX_UINT64_DIV10_PLUS1) >= 0) {
                range = true;
                n = -1L;
                break;
            }
            n *= 10;
            long n1 = n + d;
            if (Long.compareUnsigned(n1, n) < 0) {
                range = true;
                n = -1L;
                break;
            }
            n = n1;
        }
        if (range) {
            return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (!neg && Long.compareUnsigned(n, Long.MIN_VALUE) >= 0) {
            return Long.MAX_VALUE;
        }
        if (neg && Long.compareUnsigned(n, Long.MIN_VALUE) > 0) {
            return Long.MIN_VALUE;
        }
        return neg ? -n : n;
    }

    /** {@code parseFloat(s.substring(from, to)).value()}, without the substring for plain digits. */
    public static double floatValue(String s, int from, int to) {
        long digits = plainDigits(s, from, to);
        return digits >= 0 ? digits : parseFloat(s.substring(from, to)).value();
    }

    /** The value of 1 to 15 ASCII digits {@code s[from, to)}, or -1 when it is anything else. */
    private static long plainDigits(String s, int from, int to) {
        if (to <= from || to - from > 15) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Go's {@code strconv.ParseFloat(s, 64)}: value and whether the error was nil. */
    public static ParsedFloat parseFloat(String s) {
        // Plain digits (the usual size): an integer below 10^15 is exact as a double.
        long digits = plainDigits(s, 0, s.length());
        if (digits >= 0) {
            return new ParsedFloat(digits, true);
        }
        ParsedFloat special = special(s);
        if (special != null) {
            return special;
        }
        return readFloat(s);
    }

    /** inf, infinity, nan in any case; a sign only before inf/infinity. Null if s does not start so. */
    private static ParsedFloat special(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        int sign = 1;
        int nsign = 0;
        if (c == '+' || c == '-' || c == 'i' || c == 'I') {
            if (c == '+' || c == '-') {
                sign = c == '-' ? -1 : 1;
                nsign = 1;
            }
            int n = commonPrefixLenIgnoreCase(s, nsign, "infinity");
            if (n > 3 && n < 8) {
                n = 3;
            }
            if (n == 3 || n == 8) {
                return nsign + n == s.length()
                        ? new ParsedFloat(sign > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, true)
                        : ParsedFloat.SYNTAX_ERROR;
            }
        } else if (c == 'n' || c == 'N') {
            if (commonPrefixLenIgnoreCase(s, 0, "nan") == 3) {
                return s.length() == 3 ? new ParsedFloat(Double.NaN, true) : ParsedFloat.SYNTAX_ERROR;
            }
        }
        return null;
    }

    private static int commonPrefixLenIgnoreCase(String s, int from, String prefix) {
        int n = Math.min(prefix.length(), s.length() - from);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != prefix.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    private static char lower(char c) {
        return (char) (c | 0x20);
    }

    private static ParsedFloat readFloat(String s) {
        int len = s.length();
        int i = 0;
        boolean underscores = false;
        boolean neg = false;
        if (i >= len) {
            return ParsedFloat.SYNTAX_ERROR;
        }
        if (s.charAt(i) == '+') {
            i++;
        } else if (s.charAt(i) == '-') {
            neg = true;
            i++;
        }
        boolean hex = false;
        char expChar = 'e';
        if (i + 2 < len && s.charAt(i) == '0' && lower(s.charAt(i + 1)) == 'x') {
            hex = true;
            expChar = 'p';
            i += 2;
        }
        boolean sawDot = false;
        boolean sawDigits = false;
        int nd = 0;
        long dp = 0;
        StringBuilder digits = new StringBuilder();
        loop:
        for (; i < len; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (sawDot) {
                    break loop;
                }
                sawDot = true;
                dp = nd;
            } else if (c >= '0' && c <= '9') {
                sawDigits = true;
                if (c == '0' && nd == 0) {
                    dp--;
                    continue;
                }
                nd++;
                digits.append(c);
            } else if (hex && lower(c) >= 'a' && lower(c) <= 'f') {
                sawDigits = true;
                nd++;
                digits.append(lower(c));
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return ParsedFloat.SYNTAX_ERROR;
        }
        if (!sawDot) {
            dp = nd;
        }
        if (hex) {
            dp *= 4;
        }
        if (i < len && lower(s.charAt(i)) == expChar) {
            i++;
            if (i >= len) {
                return ParsedFloat.SYNTAX_ERROR;
            }
            int esign = 1;
            if (s.charAt(i) == '+') {
                i++;
            } else if (s.charAt(i) == '-') {
                i++;
                esign = -1;
            }
            if (i >= len || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return ParsedFloat.SYNTAX_ERROR;
            }
            long e = 0;
            for (; i < len && (s.charAt(i) >= '0' && s.charAt(i) <= '9' || s.charAt(i) == '_'); i++) {
                if (s.charAt(i) == '_') {
                    underscores = true;
                    continue;
                }
                if (e < 10000) {
                    e = e * 10 + (s.charAt(i) - '0');
                }
            }
            dp += e * esign;
        } else if (hex) {
            return ParsedFloat.SYNTAX_ERROR; // a hex float needs its p exponent
        }
        if (underscores && !underscoreOk(s, i)) {
            return ParsedFloat.SYNTAX_ERROR;
        }
        if (i != len) {
            return ParsedFloat.SYNTAX_ERROR; // trailing characters
        }
        double value;
        if (digits.length() == 0) {
            value = 0;
        } else if (hex) {
            value = roundBinary(new BigInteger(digits.toString(), 16), dp - 4L * nd);
        } else {
            value = decimalValue(digits, dp);
        }
        if (neg) {
            value = -value;
        }
        return new ParsedFloat(value, !Double.isInfinite(value));
    }

    /** 0.DIGITS x 10^dp, correctly rounded (as Go's decimal conversion is). */
    private static double decimalValue(CharSequence digits, long dp) {
        // Out-of-range exponents are decided without building huge numbers.
        if (dp > 330) {
            return Double.POSITIVE_INFINITY;
        }
        if (dp < -400) {
            return 0;
        }
        return Double.parseDouble("0." + digits + "E" + dp);
    }

    /** mantissa x 2^exp2 rounded to the nearest double, ties to even. */
    private static double roundBinary(BigInteger mantissa, long exp2) {
        if (mantissa.signum() == 0) {
            return 0;
        }
        long top = mantissa.bitLength() - 1L + exp2; // exponent of the leading bit
        if (top > 1023) {
            return Double.POSITIVE_INFINITY;
        }
        if (top < -1076) {
            return 0;
        }
        long lsbExp = top >= -1022 ? top - 52 : -1074;
        long shift = lsbExp - exp2;
        if (shift <= 0) {
            // exact: at most 53 significant bits
            return Math.scalb(mantissa.doubleValue(), (int) exp2);
        }
        BigInteger q = mantissa.shiftRight((int) shift);
        boolean half = mantissa.testBit((int) shift - 1);
        boolean sticky = mantissa.getLowestSetBit() < shift - 1;
        if (half && (sticky || q.testBit(0))) {
            q = q.add(BigInteger.ONE);
        }
        return Math.scalb(q.doubleValue(), (int) lsbExp);
    }

    /** Go's underscoreOK over s[0, end): underscores only between digits (or after a base prefix). */
    private static boolean underscoreOk(String s, int end) {
        char saw = '^';
        int i = 0;
        if (end >= 1 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            i = 1;
        }
        boolean hex = false;
        if (end - i >= 2 && s.charAt(i) == '0'
                && (lower(s.charAt(i + 1)) == 'b' || lower(s.charAt(i + 1)) == 'o' || lower(s.charAt(i + 1)) == 'x')) {
            hex = lower(s.charAt(i + 1)) == 'x';
            i += 2;
            saw = '0';
        }
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && lower(c) >= 'a' && lower(c) <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /**
     * Go's {@code fmt.Sprintf("%v", v)} for a float64, i.e. {@code strconv.FormatFloat(v, 'g', -1, 64)}
     * with the sign kept on {@code +Inf}: the shortest decimal that reads back as {@code v}, in exponent
     * form when its decimal exponent is below -4 or at least 6.
     */
    public static String formatFloat(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v); // a small integer prints as itself
        }
        boolean neg = v < 0;
        double a = Math.abs(v);
        String digits;
        int dp; // value = 0.digits x 10^dp
        if (a < TWO_POW_53 && a == Math.rint(a)) {
            // Every integer below 2^53 is its own shortest representation.
            String all = Long.toString((long) a);
            dp = all.length();
            int end = all.length();
            while (end > 1 && all.charAt(end - 1) == '0') {
                end--;
            }
            digits = all.substring(0, end);
        } else {
            BigDecimal shortest = shortest(a);
            BigInteger unscaled = shortest.unscaledValue();
            String all = unscaled.toString();
            int end = all.length();
            while (end > 1 && all.charAt(end - 1) == '0') {
                end--;
            }
            digits = all.substring(0, end);
            dp = all.length() - shortest.scale();
        }
        StringBuilder out = new StringBuilder(24);
        if (neg) {
            out.append('-');
        }
        int exp = dp - 1;
        int nd = digits.length();
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (nd > 1) {
                out.append('.').append(digits, 1, nd);
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int e = Math.abs(exp);
            if (e < 10) {
                out.append('0');
            }
            out.append(e);
        } else if (dp <= 0) {
            out.append("0.");
            for (int i = dp; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (dp >= nd) {
            out.append(digits);
            for (int i = nd; i < dp; i++) {
                out.append('0');
            }
        } else {
            out.append(digits, 0, dp).append('.').append(digits, dp, nd);
        }
        return out.toString();
    }

    /**
     * The shortest decimal that parses back to {@code a} (positive, finite), and of those the nearest to
     * {@code a}'s exact value. JDK 17's {@code Double.toString} is not always shortest, so digits are
     * searched: at each precision the nearest, the lower and the upper candidates are tried.
     */
    private static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p <= 17; p++) {
            BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            BigDecimal best = nearest.doubleValue() == a ? nearest : null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(p, mode));
                if (candidate.doubleValue() == a && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
