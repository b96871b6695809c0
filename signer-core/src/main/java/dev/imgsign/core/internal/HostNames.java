package dev.imgsign.core.internal;

import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Hosts as a browser reads them: the WHATWG URL host parser for special schemes (http, https), and the
 * IANA special-purpose address ranges. Pure string work, never DNS; linear in the input, no regex, never
 * throws. Not public API: it may change without notice.
 *
 * <p>IDNA: the JDK offers IDNA2003 ({@link IDN}, Unicode 3.2), browsers use UTS 46 non-transitional
 * processing. Where the two would give different ASCII hosts, {@link #canonical} answers {@code null}
 * (refused) rather than a host the browser would not fetch: characters unassigned in Unicode 3.2 (UTS 46
 * maps e.g. U+1F130 to {@code a} and U+1E9E to {@code ss}; IDNA2003 cannot), the deviation characters
 * {@code ß}, {@code ς}, ZWJ and ZWNJ (IDNA2003 maps or drops them, UTS 46 keeps them), punycode labels
 * that do not survive a decode/encode round trip (e.g. {@code xn--abc-}, {@code xn--zca}), non-ASCII
 * labels longer than 63 characters once encoded, labels that IDNA2003's bidi rule refuses, characters
 * that IDNA2003 maps to a dot ({@code ⒈}, U+2024) and a few more that UTS 46 disallows. One known
 * difference goes the other way: a label mixing Arabic-Indic digits with left-to-right letters, which
 * UTS 46's bidi rule refuses, is encoded (an {@code xn--} label, never a special host). Checked by running
 * every code point between two letters through Node 20's URL: no host gets two different answers.
 */
public final class HostNames {
    private HostNames() {
    }

    /**
     * The host a WHATWG URL parser makes of {@code host} in an {@code http:} or {@code https:} URL
     * (what {@code new URL("http://" + host + "/").hostname} gives): percent-decoded, IDNA-mapped (the
     * dots {@code 。．｡} separate labels), ASCII lower case; an IPv4 address in any number form
     * ({@code 0x7f.1}, {@code 2130706433}, {@code 010.0.0.1}) as dotted decimal; an IPv6 literal in
     * brackets, compressed. A trailing dot stays on a domain and goes from an IPv4 address, as WHATWG does.
     *
     * @param host the host part of an authority (no user info, no port); IPv6 literals in brackets
     * @return the canonical ASCII host, or {@code null} when a browser would refuse the host, or where the
     *         JDK's IDNA cannot be sure to agree with the browser's (see the class comment)
     */
    public static String canonical(String host) {
        String ascii = asciiHost(host);
        if (ascii == null || ascii.charAt(0) == '[' || !endsInNumber(ascii)) {
            return ascii;
        }
        long ipv4 = parseIpv4(ascii, false);
        return ipv4 < 0 ? null : serializeIpv4(ipv4);
    }

    /** The host after IPv6 parsing or percent-decoding, IDNA and the forbidden-code-point check; IPv4 not yet parsed. */
    private static String asciiHost(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        if (host.charAt(0) == '[') {
            if (host.charAt(host.length() - 1) != ']') {
                return null;
            }
            int[] pieces = parseIpv6(host, 1, host.length() - 1);
            return pieces == null ? null : "[" + serializeIpv6(pieces) + "]";
        }
        String domain = percentDecodeUtf8(host);
        if (domain == null) {
            return null;
        }
        String ascii = domainToAscii(domain);
        if (ascii == null || ascii.isEmpty()) {
            return null;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (forbiddenDomainCodePoint(ascii.charAt(i))) {
                return null;
            }
        }
        return ascii;
    }

    /**
     * Why a client must not be sent to {@code host}: a short reason when it is {@code localhost} or a
     * name under {@code .localhost}, or an IP literal in a special-purpose range of the IANA IPv4 and
     * IPv6 special-purpose address registries (loopback, this network, private, shared/CGNAT, link-local,
     * IETF protocol assignments, documentation, benchmarking, multicast, reserved, broadcast, discard,
     * unique-local, site-local, local-use NAT64), judging the IPv4 address embedded in IPv4-mapped,
     * IPv4-compatible, NAT64 and 6to4 addresses; {@code null} otherwise. The host is first made
     * {@link #canonical}; a host that has no canonical form is refused too. A trailing dot changes nothing.
     * An IPv4 address written with leading zeros is judged under both readings, octal (browsers,
     * {@code inet_aton}) and decimal (some resolvers): {@code 010.0.0.1} is refused as 10.0.0.1.
     * Names that merely resolve to such addresses are not seen: this never asks DNS.
     */
    public static String specialPurpose(String host) {
        String h = canonical(host);
        if (h == null) {
            return "host is not a valid URL host";
        }
        if (h.charAt(0) == '[') {
            return specialIpv6(parseIpv6(h, 1, h.length() - 1));
        }
        int end = h.length();
        while (end > 0 && h.charAt(end - 1) == '.') {
            end--; // resolvers differ on empty labels; no trailing dot may hide a localhost name
        }
        String name = h.substring(0, end);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return "host is a localhost name";
        }
        if (endsInNumber(h)) {
            String reason = specialIpv4(parseIpv4(h, false));
            if (reason != null) {
                return reason;
            }
            // 010.0.0.1 is 8.0.0.1 to browsers and inet_aton, 10.0.0.1 to resolvers that read leading zeros
            // as decimal: an address that is special under either reading is refused.
            String ascii = asciiHost(host);
            long decimal = parseIpv4(ascii, true);
            String decimalReason = decimal < 0 ? null : specialIpv4(decimal);
            return decimalReason == null ? null : decimalReason + ", reading leading zeros as decimal";
        }
        return null;
    }

    // ---- IPv4 (WHATWG "ends in a number", IPv4 parser and serializer) ----

    private static boolean endsInNumber(String s) {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '.') {
            end--; // a trailing empty part does not count
        }
        int start = s.lastIndexOf('.', end - 1) + 1;
        if (start == end) {
            return false;
        }
        boolean digits = true;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            digits &= c >= '0' && c <= '9';
        }
        return digits || parseIpv4Number(s, start, end, false) >= 0;
    }

    /**
     * The address as an unsigned 32-bit value, or -1 for failure. With {@code octalAsDecimal}, parts with
     * a leading zero are read as decimal instead of octal (the other reading of an ambiguous address).
     */
    private static long parseIpv4(String s, boolean octalAsDecimal) {
        int end = s.length();
        if (s.charAt(end - 1) == '.' && end > 1) {
            end--; // one trailing empty part is dropped
        }
        long[] numbers = new long[4];
        int count = 0;
        int start = 0;
        while (true) {
            int dot = s.indexOf('.', start);
            int partEnd = dot < 0 || dot >= end ? end : dot;
            if (count == 4) {
                return -1;
            }
            long n = parseIpv4Number(s, start, partEnd, octalAsDecimal);
            if (n < 0) {
                return -1;
            }
            numbers[count++] = n;
            if (partEnd == end) {
                break;
            }
            start = partEnd + 1;
        }
        for (int i = 0; i < count - 1; i++) {
            if (numbers[i] > 255) {
                return -1;
            }
        }
        if (numbers[count - 1] >= 1L << (8 * (5 - count))) {
            return -1;
        }
        long address = numbers[count - 1];
        for (int i = 0; i < count - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return address;
    }

    /** A WHATWG IPv4 number (decimal, 0x hex, leading-0 octal), capped above 2^32; -1 for failure. */
    private static long parseIpv4Number(String s, int start, int end, boolean octalAsDecimal) {
        if (start >= end) {
            return -1;
        }
        int radix = 10;
        if (end - start >= 2 && s.charAt(start) == '0' && (s.charAt(start + 1) == 'x' || s.charAt(start + 1) == 'X')) {
            start += 2;
            radix = 16;
        } else if (end - start >= 2 && s.charAt(start) == '0') {
            start++;
            radix = octalAsDecimal ? 10 : 8;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0 || s.charAt(i) > 'f') {
                return -1; // Character.digit also takes non-ASCII digits
            }
            value = Math.min(value * radix + digit, 1L << 33);
        }
        return value;
    }

    private static String serializeIpv4(long a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    // ---- IPv6 (WHATWG IPv6 parser and serializer) ----

    /** The eight 16-bit pieces of {@code s[from, to)}, or {@code null} for failure. */
    private static int[] parseIpv6(String s, int from, int to) {
        int[] address = new int[8];
        int pieceIndex = 0;
        int compress = -1;
        int p = from;
        if (p < to && s.charAt(p) == ':') {
            if (p + 1 >= to || s.charAt(p + 1) != ':') {
                return null;
            }
            p += 2;
            pieceIndex++;
            compress = pieceIndex;
        }
        while (p < to) {
            if (pieceIndex == 8) {
                return null;
            }
            if (s.charAt(p) == ':') {
                if (compress != -1) {
                    return null;
                }
                p++;
                pieceIndex++;
                compress = pieceIndex;
                continue;
            }
            int value = 0;
            int length = 0;
            while (length < 4 && p < to && hexValue(s.charAt(p)) >= 0) {
                value = value * 16 + hexValue(s.charAt(p));
                p++;
                length++;
            }
            if (p < to && s.charAt(p) == '.') {
                if (length == 0) {
                    return null;
                }
                p -= length;
                if (pieceIndex > 6) {
                    return null;
                }
                int numbersSeen = 0;
                while (p < to) {
                    int ipv4Piece = -1;
                    if (numbersSeen > 0) {
                        if (s.charAt(p) == '.' && numbersSeen < 4) {
                            p++;
                        } else {
                            return null;
                        }
                    }
                    if (p >= to || !isAsciiDigit(s.charAt(p))) {
                        return null;
                    }
                    while (p < to && isAsciiDigit(s.charAt(p))) {
                        int number = s.charAt(p) - '0';
                        if (ipv4Piece == -1) {
                            ipv4Piece = number;
                        } else if (ipv4Piece == 0) {
                            return null; // leading zero
                        } else {
                            ipv4Piece = ipv4Piece * 10 + number;
                        }
                        if (ipv4Piece > 255) {
                            return null;
                        }
                        p++;
                    }
                    address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
                    numbersSeen++;
                    if (numbersSeen == 2 || numbersSeen == 4) {
                        pieceIndex++;
                    }
                }
                if (numbersSeen != 4) {
                    return null;
                }
                break;
            } else if (p < to && s.charAt(p) == ':') {
                p++;
                if (p >= to) {
                    return null;
                }
            } else if (p < to) {
                return null;
            }
            address[pieceIndex] = value;
            pieceIndex++;
        }
        if (compress != -1) {
            int swaps = pieceIndex - compress;
            pieceIndex = 7;
            while (pieceIndex != 0 && swaps > 0) {
                int t = address[pieceIndex];
                address[pieceIndex] = address[compress + swaps - 1];
                address[compress + swaps - 1] = t;
                pieceIndex--;
                swaps--;
            }
        } else if (pieceIndex != 8) {
            return null;
        }
        return address;
    }

    private static String serializeIpv6(int[] address) {
        int compress = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && address[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                compress = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder(41);
        boolean ignore0 = false;
        for (int i = 0; i < 8; i++) {
            if (ignore0 && address[i] == 0) {
                continue;
            }
            ignore0 = false;
            if (compress == i) {
                out.append(i == 0 ? "::" : ":");
                ignore0 = true;
                continue;
            }
            out.append(Integer.toHexString(address[i]));
            if (i != 7) {
                out.append(':');
            }
        }
        return out.toString();
    }

    // ---- domains ----

    /** WHATWG percent-decode (invalid escapes stay), then strict UTF-8; {@code null} for bad UTF-8. */
    private static String percentDecodeUtf8(String host) {
        if (host.indexOf('%') < 0) {
            for (int i = 0; i < host.length(); i++) {
                if (Character.isSurrogate(host.charAt(i))) {
                    return validUtf16(host) ? host : null;
                }
            }
            return host;
        }
        if (!validUtf16(host)) {
            return null;
        }
        byte[] utf8 = host.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length];
        int o = 0;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%' && i + 2 < utf8.length && hexValue(utf8[i + 1]) >= 0 && hexValue(utf8[i + 2]) >= 0) {
                out[o++] = (byte) (hexValue(utf8[i + 1]) << 4 | hexValue(utf8[i + 2]));
                i += 2;
            } else {
                out[o++] = utf8[i];
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, o)).toString();
        } catch (CharacterCodingException e) {
            return null; // a browser decodes to U+FFFD, which IDNA refuses
        }
    }

    private static boolean validUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** UTS 46 ToASCII as WHATWG calls it, through the JDK's IDNA2003 where a label is not ASCII. */
    private static String domainToAscii(String domain) {
        StringBuilder out = new StringBuilder(domain.length());
        int start = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i < domain.length() && !isLabelSeparator(domain.charAt(i))) {
                continue;
            }
            String label = toAsciiLabel(domain.substring(start, i));
            if (label == null) {
                return null;
            }
            out.append(label);
            if (i < domain.length()) {
                out.append('.');
            }
            start = i + 1;
        }
        return out.toString();
    }

    private static String toAsciiLabel(String label) {
        if (isAscii(label)) {
            String lower = Ascii.toLowerCase(label);
            return !lower.startsWith("xn--") || validPunycode(lower) ? lower : null;
        }
        if (hasDeviationCharacter(label) || hasUts46Disallowed(label)) {
            return null;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(label, 0); // no ALLOW_UNASSIGNED: newer characters would pass unmapped
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ascii.isEmpty() || ascii.indexOf('.') >= 0 || !isAscii(ascii)) {
            return null;
        }
        String lower = Ascii.toLowerCase(ascii);
        // The mapped label must itself be valid (e.g. U+00AD U+0301 maps to a label starting with a mark).
        return !lower.startsWith("xn--") || validPunycode(lower) ? lower : null;
    }

    /**
     * An ASCII {@code xn--} label must decode to a label that encodes back to it and that UTS 46 would take:
     * not ASCII only, no deviation character, not starting with a combining mark.
     */
    private static boolean validPunycode(String lowerLabel) {
        String decoded = IDN.toUnicode(lowerLabel, 0);
        if (decoded.equals(lowerLabel) || isAscii(decoded) || hasDeviationCharacter(decoded)) {
            return false;
        }
        int type = Character.getType(decoded.codePointAt(0));
        return type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                && type != Character.COMBINING_SPACING_MARK;
    }

    /**
     * Characters of Unicode 3.2 that IDNA2003 takes and UTS 46 disallows, found by running every code
     * point between two letters through Node's URL: Cyrillic palochka, Georgian capitals, Hangul and
     * Khmer fillers, the Mongolian todo soft hyphen, turned F and reversed C (whose lower case came after
     * 3.2), and five CJK compatibility ideographs whose decompositions were corrected.
     */
    private static boolean hasUts46Disallowed(String label) {
        for (int i = 0; i < label.length(); ) {
            int c = label.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x04c0 || (c >= 0x10a0 && c <= 0x10c5) || c == 0x115f || c == 0x1160 || c == 0x17b4
                    || c == 0x17b5 || c == 0x1806 || c == 0x2132 || c == 0x2183 || c == 0x3164 || c == 0xffa0
                    || c == 0x2f868 || c == 0x2f874 || c == 0x2f91f || c == 0x2f95f || c == 0x2f9bf) {
                return true;
            }
        }
        return false;
    }

    /** {@code ß}, {@code ς}, ZWNJ, ZWJ: UTS 46 non-transitional keeps what IDNA2003 maps or drops. */
    private static boolean hasDeviationCharacter(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '\u00df' || c == '\u03c2' || c == '\u200c' || c == '\u200d') {
                return true;
            }
        }
        return false;
    }

    private static boolean isLabelSeparator(char c) {
        return c == '.' || c == '\u3002' || c == '\uff0e' || c == '\uff61';
    }

    private static boolean forbiddenDomainCodePoint(char c) {
        if (c <= 0x20 || c == 0x7f || c == '%') {
            return true;
        }
        switch (c) {
            case '#': case '/': case ':': case '<': case '>': case '?': case '@':
            case '[': case '\\': case ']': case '^': case '|':
                return true;
            default:
                return false;
        }
    }

    // ---- special-purpose ranges (IANA IPv4 / IPv6 Special-Purpose Address Registries) ----

    private static String specialIpv4(long a) {
        int b0 = (int) (a >>> 24);
        int b1 = (int) (a >>> 16) & 0xff;
        int b2 = (int) (a >>> 8) & 0xff;
        if (b0 == 0) {
            return "IPv4 'this network' address (0.0.0.0/8)";
        }
        if (b0 == 127) {
            return "IPv4 loopback address (127.0.0.0/8)";
        }
        if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
            return "IPv4 private address (RFC 1918)";
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return "IPv4 shared address space / CGNAT (100.64.0.0/10)";
        }
        if (b0 == 169 && b1 == 254) {
            return "IPv4 link-local address (169.254.0.0/16)";
        }
        if (b0 == 192 && b1 == 0 && b2 == 0) {
            return "IPv4 IETF protocol assignment (192.0.0.0/24)";
        }
        if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100)
                || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return "IPv4 documentation address (TEST-NET)";
        }
        if (b0 == 198 && (b1 & 0xfe) == 18) {
            return "IPv4 benchmarking address (198.18.0.0/15)";
        }
        if (a == 0xffffffffL) {
            return "IPv4 limited broadcast address";
        }
        if ((b0 & 0xf0) == 224) {
            return "IPv4 multicast address (224.0.0.0/4)";
        }
        if ((b0 & 0xf0) == 240) {
            return "IPv4 reserved address (240.0.0.0/4)";
        }
        return null;
    }

    private static String specialIpv6(int[] p) {
        boolean firstFiveZero = p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0 && p[4] == 0;
        if (firstFiveZero && p[5] == 0 && p[6] == 0 && p[7] <= 1) {
            return p[7] == 0 ? "IPv6 unspecified address (::)" : "IPv6 loopback address (::1)";
        }
        if (firstFiveZero && (p[5] == 0 || p[5] == 0xffff)) {
            String embedded = specialIpv4(embeddedIpv4(p[6], p[7]));
            String kind = p[5] == 0 ? "IPv4-compatible" : "IPv4-mapped";
            return embedded != null ? kind + " IPv6 address of an " + embedded : null;
        }
        if (p[0] == 0x64 && p[1] == 0xff9b) {
            if (p[2] == 0 && p[3] == 0 && p[4] == 0 && p[5] == 0) {
                String embedded = specialIpv4(embeddedIpv4(p[6], p[7]));
                return embedded != null ? "NAT64 IPv6 address of an " + embedded : null;
            }
            if (p[2] == 1) {
                return "IPv6 local-use NAT64 address (64:ff9b:1::/48)";
            }
        }
        if (p[0] == 0x100 && p[1] == 0 && p[2] == 0 && p[3] == 0) {
            return "IPv6 discard-only address (100::/64)";
        }
        if (p[0] == 0x2001 && p[1] <= 0x1ff) {
            return "IPv6 IETF protocol assignment, Teredo included (2001::/23)";
        }
        if ((p[0] == 0x2001 && p[1] == 0xdb8) || (p[0] == 0x3fff && p[1] <= 0x0fff)) {
            return "IPv6 documentation address (2001:db8::/32, 3fff::/20)";
        }
        if (p[0] == 0x2002) {
            String embedded = specialIpv4(embeddedIpv4(p[1], p[2]));
            return embedded != null ? "6to4 IPv6 address of an " + embedded : null;
        }
        if (p[0] == 0x5f00) {
            return "IPv6 segment-routing SID (5f00::/16)";
        }
        if ((p[0] & 0xfe00) == 0xfc00) {
            return "IPv6 unique-local address (fc00::/7)";
        }
        if ((p[0] & 0xffc0) == 0xfe80) {
            return "IPv6 link-local address (fe80::/10)";
        }
        if ((p[0] & 0xffc0) == 0xfec0) {
            return "IPv6 site-local address (fec0::/10)";
        }
        if ((p[0] & 0xff00) == 0xff00) {
            return "IPv6 multicast address (ff00::/8)";
        }
        return null;
    }

    private static long embeddedIpv4(int high, int low) {
        return ((long) high << 16) | low;
    }

    // ---- characters ----

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int hexValue(int c) {
        return c < 0 || c > 0x7f ? -1 : Percent.hexValue((char) c);
    }
}
