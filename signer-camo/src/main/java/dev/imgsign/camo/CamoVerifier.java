package dev.imgsign.camo;

import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.peer.go.GoBase64;
import dev.imgsign.peer.go.GoUrl;
import dev.imgsign.peer.node.NodeLegacyUrl;
import dev.imgsign.peer.node.NodeQueryString;
import dev.imgsign.peer.node.NodeText;
import dev.imgsign.core.internal.Percent;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.internal.SignedUrls;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Accepts exactly the Camo request targets that the chosen {@link CamoDialect}'s server accepts, and
 * returns the target URL it would fetch.
 *
 * <p>Immutable and thread-safe. {@link #verify} never throws, checks the length first, and does work
 * linear in the request target plus at most one HMAC per configured key. Every rejection carries a
 * reason, a detail safe to log (never a key or the expected digest) and the HTTP status the dialect's
 * server answers.
 *
 * <pre>{@code
 * CamoVerifier verifier = CamoVerifier.builder(KeySet.ofUtf8(secret)).build();
 * Verification<String> v = verifier.verify("/0f6def1c.../68747470...");
 * }</pre>
 *
 * <p>Given the signer's {@link Builder#prefix(String) prefix}, it also accepts exactly what the signer
 * returned: {@code verify(signer.sign(url))} (the prefix is removed when the input starts with it, byte
 * for byte, followed by {@code /} or {@code ?}; a request target starting with {@code /} works as before).
 *
 * <p>Rejections: {@link Rejection#MALFORMED} when the request has not the shape of a Camo URL,
 * {@link Rejection#BAD_SIGNATURE} when no key produced its digest, {@link Rejection#TARGET_REFUSED} when
 * the digest verified but the server refuses the signed URL (not http or https, no host, userinfo, not
 * parsable, or a private address under {@link Builder#rejectPrivateAddresses(boolean)}), and
 * {@link Rejection#TOO_LONG}; each with the status the dialect's server answers.
 *
 * @since 0.1.0
 */
public final class CamoVerifier implements UrlVerifier<String> {
    /** The default {@link Builder#maxLength(int)}: 8 KiB, the request-line limit of many servers. */
    public static final int DEFAULT_MAX_LENGTH = 8 * 1024;

    private static final int DIGEST_BYTES = 20;
    private static final int HEX_DIGEST_CHARS = 40;
    private static final int ATMOS_STATUS = 404;
    /** Both servers' HTTP parsers refuse a request line with raw controls or spaces in the target. */
    private static final int RAW_CHARACTER_STATUS = 400;

    private final KeySet keys;
    private final HmacKeyRing ring;
    private final CamoDialect dialect;
    private final int maxLength;
    private final boolean rejectPrivateAddresses;
    private final String prefix;

    private CamoVerifier(Builder builder) {
        this.keys = builder.keys();
        this.ring = HmacKeyRing.of(HmacAlgorithm.SHA1, keys);
        this.dialect = builder.dialect;
        this.maxLength = builder.maxLength;
        this.rejectPrivateAddresses = builder.rejectPrivateAddresses;
        this.prefix = builder.prefix();
    }

    /**
     * A builder verifying against every key of {@code keys}, primary first.
     *
     * @param keys the shared secrets accepted, tried in order
     * @return a builder with the defaults described on its setters
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(keys);
    }

    /**
     * The dialect this verifier follows.
     *
     * @return the dialect set on the builder
     */
    public CamoDialect dialect() {
        return dialect;
    }

    /**
     * Verifies a request: its target relative to where the proxy is mounted (for example
     * {@code /0f6d.../6874...}), or, when this verifier has the signer's {@link Builder#prefix(String)
     * prefix}, a URL the signer returned. Camo reads no request header.
     *
     * @param request the raw request target, still percent-encoded
     * @return the decoded target URL with the index of the key that signed it, or a rejection
     */
    @Override
    public Verification<String> verify(ProxyRequest request) {
        return verifyRaw(request.target(), request.queryStart());
    }

    /**
     * Verifies a raw request target exactly as {@link #verify(ProxyRequest)} does, without building the
     * {@link ProxyRequest} (Camo reads no header, so the request adds nothing but a scan and an object).
     *
     * @param requestTarget the raw request target, still percent-encoded
     * @return the decoded target URL with the index of the key that signed it, or a rejection
     *     ({@link Rejection#MALFORMED} for {@code null})
     */
    @Override
    public Verification<String> verify(String requestTarget) {
        if (requestTarget == null) {
            return UrlVerifier.super.verify(requestTarget);
        }
        return verifyRaw(requestTarget, QUERY_NOT_SEARCHED);
    }

    /** A {@code queryStart} that nobody has searched for yet. */
    private static final int QUERY_NOT_SEARCHED = -2;

    private Verification<String> verifyRaw(String raw, int queryStart) {
        String target = SignedUrls.requestTarget(raw, prefix);
        if (dialect == CamoDialect.GO_CAMO) {
            return verifyGoCamo(target);
        }
        if (target.length() <= maxLength) {
            Verification<String> plain = verifyPlainAtmos(target);
            if (plain != null) {
                return plain;
            }
        }
        // The query starts where the request found it, unless the prefix (removed above) held a '?'.
        int removed = raw.length() - target.length();
        int found = queryStart == QUERY_NOT_SEARCHED ? raw.indexOf('?') : queryStart;
        int question = found < 0 ? -1 : found >= removed ? found - removed : target.indexOf('?');
        return verifyAtmosReference(target, question);
    }

    /**
     * The prefix removed from signed URLs before verifying them.
     *
     * @return the configured prefix without trailing slashes, or the empty string if none
     */
    public String prefix() {
        return prefix;
    }

    @Override
    public String toString() {
        return "CamoVerifier[" + dialect + ", maxLength=" + maxLength + ", rejectPrivateAddresses="
                + rejectPrivateAddresses + ", " + keys.size() + " keys, redacted]";
    }

    // ---------------------------------------------------------------- go-camo

    private Verification<String> verifyGoCamo(String target) {
        if (target.length() <= maxLength) {
            Verification<String> plain = verifyPlainGoCamo(target);
            if (plain != null) {
                return plain;
            }
        }
        return verifyGoCamoReference(target);
    }

    /**
     * The common case without copies or a character-by-character scan: exactly {@code /<digest>/<url>}
     * before any {@code ?}, both segments decoding cleanly, straight from the string (a copy of a long
     * hex target alone would exceed issue 14's 2 KiB per verify). The decoders themselves refuse every other
     * character (a second slash, {@code %}, controls, non-ASCII), so the path needs no separate scan;
     * only the unsigned query is checked for raw controls and spaces. {@code null} means "not this
     * case, ask the reference", which then answers as it always has; CamoFastPathTest proves both
     * answer alike wherever this one does.
     */
    Verification<String> verifyPlainGoCamo(String target) {
        int n = target.length();
        if (n < 4 || target.charAt(0) != '/') {
            return null;
        }
        int digestEnd = HEX_DIGEST_CHARS + 1;
        if (n > digestEnd + 1 && target.charAt(digestEnd) == '/') {
            // The hex layout with nothing after the URL, without searching for a '?' first: where all the
            // rest decodes as hex it holds no '?', '/' or control, so there is no query to check.
            byte[] urlBytes = hexOfChars(target, digestEnd + 1, n, true);
            if (urlBytes != null) {
                byte[] digest = hexOfChars(target, 1, digestEnd, true);
                if (digest == null) {
                    return null;
                }
                int keyIndex = ring.match(urlBytes, digest);
                if (keyIndex == HmacKeyRing.NO_MATCH) {
                    return Verification.rejected(Rejection.BAD_SIGNATURE, "HMAC does not match any configured key", 403);
                }
                return acceptSignedGoCamo(urlBytes, urlBytes.length, keyIndex);
            }
        }
        int question = target.indexOf('?');
        int pathEnd = question < 0 ? n : question;
        for (int i = pathEnd; i < n; i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return null;
            }
        }
        int slash = target.indexOf('/', 1);
        if (slash < 2 || slash >= pathEnd - 1) {
            return null;
        }
        byte[] digest;
        byte[] urlBytes;
        int urlLength;
        if (slash - 1 == HEX_DIGEST_CHARS) {
            digest = hexOfChars(target, 1, slash, true);
            urlBytes = hexOfChars(target, slash + 1, pathEnd, true);
            urlLength = urlBytes == null ? -1 : urlBytes.length;
        } else if (pathEnd - slash - 1 >= JDK_BASE64_FROM) {
            digest = base64OfChars(target, 1, slash);
            urlBytes = new byte[pathEnd - slash - 1];
            urlLength = base64InPlace(target, slash + 1, pathEnd, urlBytes);
        } else {
            digest = base64OfChars(target, 1, slash);
            urlBytes = base64OfChars(target, slash + 1, pathEnd);
            urlLength = urlBytes == null ? -1 : urlBytes.length;
        }
        if (digest == null || urlLength < 0 || digest.length != DIGEST_BYTES) {
            return null;
        }
        int keyIndex = ring.match(urlBytes, 0, urlLength, digest);
        if (keyIndex == HmacKeyRing.NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "HMAC does not match any configured key", 403);
        }
        return acceptSignedGoCamo(urlBytes, urlLength, keyIndex);
    }

    /** The reference: every go-camo request target, plain or not. */
    Verification<String> verifyGoCamoReference(String target) {
        if (target.length() > maxLength) {
            return Verification.rejected(Rejection.TOO_LONG,
                    "request target has " + target.length() + " characters, limit " + maxLength);
        }
        // One pass: the first raw control or space, the first '?', and whether the path needs decoding.
        int question = -1;
        boolean plainPath = true;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return rawCharacterRejection(c, i);
            }
            if (c == '?') {
                if (question < 0) {
                    question = i;
                }
            } else if ((c >= 0x80 || c == '%') && question < 0) {
                plainPath = false;
            }
        }
        if (target.isEmpty() || target.charAt(0) != '/') {
            // Go's server refuses a request target that is not an absolute path.
            return Verification.rejected(Rejection.MALFORMED, SignedUrls.notARequestTarget("prefix"), 400);
        }
        int pathEnd = question < 0 ? target.length() : question;
        byte[] path = plainPath
                ? target.substring(0, pathEnd).getBytes(StandardCharsets.ISO_8859_1)
                : Percent.decode(target, 0, pathEnd, false);
        if (path == null) {
            return Verification.rejected(Rejection.MALFORMED, "path has an invalid percent-escape", 400);
        }
        // Exactly "/<digest>/<url>": go-camo's router answers 404 to any other number of slashes.
        int slash = -1;
        int slashes = 0;
        int first = plainPath ? target.indexOf('/', 1) : -1;
        if (first >= 0 && first < pathEnd && !(target.indexOf('/', first + 1) >= 0
                && target.indexOf('/', first + 1) < pathEnd)) {
            // The plain path is target[0, pathEnd) byte for byte: String.indexOf finds its one slash.
            slash = first;
            slashes = 1;
        } else {
            for (int i = 1; i < path.length; i++) {
                if (path[i] == '/') {
                    slashes++;
                    slash = i;
                }
            }
        }
        if (slashes != 1) {
            return Verification.rejected(Rejection.MALFORMED, "path must be /<digest>/<url> after percent-decoding,"
                    + " found " + (slashes + 1) + " segments", 404);
        }
        int digestLength = slash - 1;
        if (digestLength == 0) {
            // Go's ServeMux redirects "//..." to a cleaned path, which then has too few segments.
            return Verification.rejected(Rejection.MALFORMED, "digest segment is empty", 404);
        }
        if (slash == path.length - 1) {
            return Verification.rejected(Rejection.MALFORMED, "url segment is empty", 403);
        }
        byte[] urlBytes;
        byte[] digest;
        String codec;
        if (digestLength == HEX_DIGEST_CHARS) {
            codec = "hex";
            urlBytes = decodeHex(path, slash + 1, path.length, true);
            digest = decodeHex(path, 1, slash, true);
        } else {
            codec = "base64";
            urlBytes = GoBase64.decodeUrlPadded(path, slash + 1, path.length);
            digest = GoBase64.decodeUrlPadded(path, 1, slash);
        }
        if (urlBytes == null) {
            return Verification.rejected(Rejection.MALFORMED, "url segment is not valid " + codec
                    + " (the digest length " + digestLength + " selects " + codec + ")", 403);
        }
        if (digest == null) {
            return Verification.rejected(Rejection.MALFORMED, "digest segment is not valid " + codec, 403);
        }
        if (digest.length != DIGEST_BYTES) {
            return Verification.rejected(Rejection.BAD_SIGNATURE,
                    codec + " digest decodes to " + digest.length + " bytes, an HMAC-SHA1 has 20", 403);
        }
        int keyIndex = ring.match(urlBytes, digest);
        if (keyIndex == HmacKeyRing.NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "HMAC does not match any configured key", 403);
        }
        return acceptSignedGoCamo(urlBytes, urlBytes.length, keyIndex);
    }

    /** What go-camo does with a signed URL: parse it, demand http(s) and a host, refuse userinfo. */
    private Verification<String> acceptSignedGoCamo(byte[] bytes, int length, int keyIndex) {
        int hostEnd = plainHttpHostEnd(bytes, length);
        if (hostEnd >= 0) {
            String url = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            if (!rejectPrivateAddresses) {
                return Verification.accepted(url, keys, keyIndex); // no host check, so no host string
            }
            return acceptIfAllowed(url, url.substring(bytes[4] == 's' ? 8 : 7, hostEnd), keyIndex, 404);
        }
        byte[] urlBytes = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        boolean ascii = isAscii(urlBytes);
        String url = ascii ? new String(urlBytes, StandardCharsets.ISO_8859_1) : Percent.utf8OrNull(urlBytes);
        if (url == null) {
            // go-camo would fetch these raw bytes; a Java String cannot carry them, so we refuse.
            return Verification.rejected(Rejection.TARGET_REFUSED, "signed URL is not valid UTF-8", 400);
        }
        String goUrl = GoUrl.bytes(url);
        boolean control = hasControlCharacter(urlBytes);
        GoUrl parsed = control ? null : GoUrl.parse(goUrl);
        if (parsed == null) {
            String error = control ? "invalid control character in URL" : GoUrl.parseError(goUrl);
            return Verification.rejected(Rejection.TARGET_REFUSED, "signed URL does not parse: " + error, 400);
        }
        if (!parsed.scheme().equals("http") && !parsed.scheme().equals("https")) {
            return Verification.rejected(Rejection.TARGET_REFUSED, "signed URL's scheme is not http or https", 404);
        }
        String hostname = parsed.hostname();
        if (hostname.isEmpty()) {
            return Verification.rejected(Rejection.TARGET_REFUSED, "signed URL has no host", 404);
        }
        if (parsed.hasUserinfo()) {
            return Verification.rejected(Rejection.TARGET_REFUSED, "signed URL carries userinfo (user:pass@)", 404);
        }
        return acceptIfAllowed(url, GoUrl.text(hostname), keyIndex, 404);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The common case without {@link GoUrl}: for a lowercase {@code http://} or {@code https://} URL whose
     * host is {@code [A-Za-z0-9.-]+} and whose rest is printable ASCII without {@code %} or space, the
     * hostname go1.19's {@code url.Parse} reads (the host itself; such a URL always parses, has no
     * userinfo and no port). {@code null} means "ask the full parser". CamoFastPathTest proves the
     * agreement.
     */
    static String plainHttpHost(String url) {
        int start;
        if (url.startsWith("http://")) {
            start = 7;
        } else if (url.startsWith("https://")) {
            start = 8;
        } else {
            return null;
        }
        int n = url.length();
        int end = start;
        while (end < n) {
            char c = url.charAt(end);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
                end++;
            } else if (c == '/' || c == '?' || c == '#') {
                break;
            } else {
                return null;
            }
        }
        if (end == start) {
            return null;
        }
        for (int i = end; i < n; i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '%') {
                return null;
            }
        }
        return url.substring(start, end);
    }

    /**
     * {@link #plainHttpHost} over the URL's bytes: where the host ends, or -1 for "ask the full parser".
     * The host starts at 8 for {@code https://}, else at 7.
     */
    static int plainHttpHostEnd(byte[] url) {
        return plainHttpHostEnd(url, url.length);
    }

    /** {@link #plainHttpHostEnd(byte[])} of {@code url[0, length)}. */
    static int plainHttpHostEnd(byte[] url, int length) {
        int end = httpHostEnd(url, length);
        return end >= 0 && printableWithoutPercent(url, end, length) ? end : -1;
    }

    /**
     * For a lowercase {@code http://} or {@code https://} URL whose host is {@code [A-Za-z0-9.-]+} followed
     * by the end, {@code /}, {@code ?} or {@code #}: where the host ends; else -1. The host starts at 8 for
     * {@code https://}, else at 7. Nothing after the host is read.
     */
    static int httpHostEnd(byte[] url, int n) {
        int start;
        if (n > 7 && url[0] == 'h' && url[1] == 't' && url[2] == 't' && url[3] == 'p') {
            if (url[4] == ':' && url[5] == '/' && url[6] == '/') {
                start = 7;
            } else if (url[4] == 's' && url[5] == ':' && url[6] == '/' && url[7] == '/') {
                start = 8;
            } else {
                return -1;
            }
        } else {
            return -1;
        }
        int end = start;
        while (end < n) {
            byte c = url[end];
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
                end++;
            } else if (c == '/' || c == '?' || c == '#') {
                break;
            } else {
                return -1;
            }
        }
        return end == start ? -1 : end;
    }

    /**
     * Whether {@code bytes[from..]} is {@code '!'..'~'} without {@code '%'}, eight bytes per step. For a byte
     * below 0x80 the high bit of {@code b + 0x5F} says {@code b >= '!'}, of {@code b + 0x01} says
     * {@code b >= 0x7F} and of {@code (b ^ '%') + 0x7F} says {@code b != '%'}, and no such sum carries
     * into the next byte; a byte from 0x80 clears its own bit through {@code ~x}, which refuses the word
     * whatever its carries did to the others.
     */
    static boolean printableWithoutPercent(byte[] bytes, int from) {
        return printableWithoutPercent(bytes, from, bytes.length);
    }

    /** {@link #printableWithoutPercent(byte[], int)} of {@code bytes[from, n)}. */
    static boolean printableWithoutPercent(byte[] bytes, int from, int n) {
        int i = from;
        long good = HIGH_BITS;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONG_LE.get(bytes, i);
            good &= (x + 0x5f * ONES) & ~(x + ONES) & ((x ^ 0x25 * ONES) + 0x7f * ONES) & ~x;
        }
        if ((good & HIGH_BITS) != HIGH_BITS) {
            return false;
        }
        for (; i < n; i++) {
            byte c = bytes[i];
            // Signed bytes: everything from 0x80 is negative, so this is c <= ' ' || c >= 0x7f.
            if (c <= ' ' || c == 0x7f || c == '%') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the URL has an ASCII control character anywhere. go1.19's {@code url.Parse} refuses them
     * before the {@code #} only; this verifier has always refused them in the fragment too.
     */
    private static boolean hasControlCharacter(byte[] url) {
        for (byte b : url) {
            if ((b >= 0 && b < 0x20) || b == 0x7f) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------- atmos/camo

    /**
     * atmos/camo's common case: {@code /<40 lowercase hex>/<lowercase hex ASCII URL>}, then nothing or a
     * {@code ?} or {@code #} and printable ASCII. The lowercase-hex decoder refuses every other character
     * in the two segments, so only the rest is scanned; the first {@code ?} or {@code #} ends the path
     * as it does for Node's legacy parser. {@code null} means "ask the reference"; CamoFastPathTest
     * proves both answer alike wherever this one does.
     */
    Verification<String> verifyPlainAtmos(String target) {
        int n = target.length();
        int urlStart = HEX_DIGEST_CHARS + 2;
        if (n <= urlStart || target.charAt(0) != '/') {
            return null;
        }
        char afterDigest = target.charAt(urlStart - 1);
        if (afterDigest == '?') {
            return verifyPlainAtmosQuery(target);
        }
        if (afterDigest != '/') {
            return null;
        }
        // Nothing after the URL, the common case, needs no search for its end: where all the rest decodes
        // as lowercase hex of ASCII it holds no '?', '#', '/' or '\\'.
        byte[] whole = asciiOfLowerHexChars(target, urlStart, n);
        if (whole != null && whole.length > 0) {
            byte[] digest = hexOfChars(target, 1, urlStart - 1, false);
            if (digest == null) {
                return null;
            }
            int keyIndex = ring.match(whole, digest);
            if (keyIndex == HmacKeyRing.NO_MATCH) {
                return Verification.rejected(Rejection.BAD_SIGNATURE, "HMAC does not match any configured key",
                        ATMOS_STATUS);
            }
            return acceptPlainAtmos(whole, whole.length, keyIndex);
        }
        int end = firstOf(target, '?', urlStart, n);
        end = firstOf(target, '#', urlStart, end);
        end = firstOf(target, '/', urlStart, end);
        end = firstOf(target, '\\', urlStart, end);
        if (end < n && target.charAt(end) != '?' && target.charAt(end) != '#') {
            return null;
        }
        for (int i = end; i < n; i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return null;
            }
        }
        byte[] urlBytes = hexOfChars(target, urlStart, end, false);
        byte[] digest = hexOfChars(target, 1, urlStart - 1, false);
        if (urlBytes == null || urlBytes.length == 0 || digest == null || !isAscii(urlBytes)) {
            return null;
        }
        int keyIndex = ring.match(urlBytes, digest);
        if (keyIndex == HmacKeyRing.NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "HMAC does not match any configured key",
                    ATMOS_STATUS);
        }
        return acceptPlainAtmos(urlBytes, urlBytes.length, keyIndex);
    }

    /**
     * atmos/camo's query layout in the common case, {@code /<40 lowercase hex>?url=<value>} with a value of
     * printable ASCII without {@code &}, {@code #} or {@code ?} whose escapes are all well formed and below
     * {@code %80} (what {@link CamoSigner} writes): Node's legacy parser ends the path at the {@code ?}, and
     * {@code querystring} finds exactly one {@code url}, decoded byte for byte ({@code +} a space). Every
     * other query, the reference reads. {@code null} means "ask the reference"; CamoFastPathTest proves
     * both answer alike wherever this one does.
     *
     * <p>One {@code getBytes(UTF_8)} is the ASCII check and the only buffer: its length equals the target's
     * exactly when every char is ASCII or an unpaired surrogate (which becomes one {@code '?'}), so with the
     * {@code ?} at 41 checked on the string and {@code ?} refused in the value every byte read is its char.
     */
    private Verification<String> verifyPlainAtmosQuery(String target) {
        int valueStart = HEX_DIGEST_CHARS + 1 + URL_PARAMETER.length();
        int n = target.length();
        if (n <= valueStart || target.charAt(HEX_DIGEST_CHARS + 1) != '?') {
            return null;
        }
        byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != n || (int) INT_LE.get(bytes, HEX_DIGEST_CHARS + 2) != URL_EQUALS) {
            return null;
        }
        byte[] digest = lowerHexOfBytes(bytes, 1, HEX_DIGEST_CHARS + 1); // before the value is decoded over it
        int length = formDecodeInPlace(bytes, valueStart);
        if (length <= 0 || digest == null) {
            return null;
        }
        int keyIndex = ring.match(bytes, 0, length, digest);
        if (keyIndex == HmacKeyRing.NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "HMAC does not match any configured key",
                    ATMOS_STATUS);
        }
        return acceptPlainAtmos(bytes, length, keyIndex);
    }

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** {@code "url="} as a little-endian int. */
    private static final int URL_EQUALS = 'u' | 'r' << 8 | 'l' << 16 | '=' << 24;

    /**
     * Lowercase hex of {@code bytes[from, to)} ({@code to - from} a multiple of 8), or {@code null}: eight
     * digits per step (see {@link #hexWord}).
     */
    static byte[] lowerHexOfBytes(byte[] bytes, int from, int to) {
        byte[] out = new byte[(to - from) / 2];
        long valid = HIGH_BITS;
        for (int i = from, o = 0; i < to; i += 8, o += 4) {
            long x = (long) LONG_LE.get(bytes, i);
            valid &= lowerHexDigits(x);
            INT_LE.set(out, o, hexWord(x));
        }
        return valid == HIGH_BITS ? out : null;
    }

    /**
     * The high bit of each byte of {@code x} set where the byte is {@code [0-9a-f]}. For a byte below 0x80
     * the high bit of {@code b + 0x50} says {@code b >= '0'}, of {@code b + 0x46} says {@code b > '9'}, and
     * likewise {@code + 0x1F} and {@code + 0x19} for {@code 'a'..'f'}; no such sum carries into the next byte.
     * A byte from 0x80 clears its own bit through {@code ~x}, so the word is all set only if every byte is a
     * digit (the bits above such a byte may be wrong).
     */
    static long lowerHexDigits(long x) {
        long digit = (x + 0x50 * ONES) & ~(x + 0x46 * ONES);
        long letter = (x + 0x1f * ONES) & ~(x + 0x19 * ONES);
        return (digit | letter) & ~x & HIGH_BITS;
    }

    /**
     * The four bytes that eight hex digits (either case, already checked) in {@code x} stand for, first
     * digit in the low byte of {@code x} and first byte in the low byte of the result: each digit's value
     * is its low nibble, plus 9 for a letter (bit 6), then the nibbles are paired and the pairs gathered.
     */
    static int hexWord(long x) {
        long nibbles = (x & 0x0f * ONES) + ((x >>> 6) & ONES) * 9;
        long pairs = ((nibbles << 4) | (nibbles >>> 8)) & 0x00ff00ff00ff00ffL;
        pairs = (pairs | (pairs >>> 8)) & 0x0000ffff0000ffffL;
        return (int) (pairs | (pairs >>> 16));
    }

    /**
     * {@code bytes[from, bytes.length)} as {@code querystring} decodes a value, decoded in place to
     * {@code bytes[0, result)}, when it is printable ASCII without {@code &}, {@code #} or {@code ?} and every
     * {@code %} starts an escape below {@code %80} ({@code +} is a space); else -1 (refusing {@code '?'} is
     * the caller's proof that every byte is its char). Forward decoding in
     * place is safe: the output never passes the input. Eight bytes per step: a word of {@code '!'..'~'}
     * without {@code # $ % & + ?} moves down whole; else the bytes before the first such byte move down
     * and that byte is decoded on its own ({@code %XX} below {@code %80}, {@code $}, {@code +} a space, the
     * rest refused). For a byte below 0x80 the high bit of {@code b + 0x5F} says {@code b >= '!'}, of
     * {@code b + 0x01} says {@code b >= 0x7F}, of {@code b + 0x5D} and {@code b + 0x59} that {@code b} is
     * at least {@code '#'} and above {@code '&'}, of {@code (b ^ c) + 0x7F} that {@code b != c}; no such sum
     * carries into the next byte, and a byte from 0x80 flags itself through {@code ~x}, so the first flagged
     * byte is exact (bytes above it may be wrong and are never kept).
     */
    static int formDecodeInPlace(byte[] bytes, int from) {
        int n = bytes.length;
        int i = from;
        int o = 0;
        while (i + 8 <= n) {
            long x = (long) LONG_LE.get(bytes, i);
            long plain = (x + 0x5f * ONES) & ~(x + ONES) & ~x & ~((x + 0x5d * ONES) & ~(x + 0x59 * ONES))
                    & ((x ^ 0x2b * ONES) + 0x7f * ONES) & ((x ^ 0x3f * ONES) + 0x7f * ONES);
            long special = ~plain & HIGH_BITS;
            if (special == 0) {
                LONG_LE.set(bytes, o, x); // covers at most [i, i + 8), all read
                i += 8;
                o += 8;
                continue;
            }
            int k = Long.numberOfTrailingZeros(special) >>> 3;
            int at = i + k;
            int value;
            int step;
            switch ((int) (x >>> (8 * k)) & 0xff) {
                case '%' -> {
                    if (at + 2 >= n) {
                        return -1;
                    }
                    value = ASCII_ESCAPE_BY_PAIR[(short) SHORT_LE.get(bytes, at + 1) & 0xffff];
                    if (value < 0) {
                        return -1;
                    }
                    step = 3;
                }
                case '+' -> {
                    value = ' ';
                    step = 1;
                }
                case '$' -> {
                    value = '$';
                    step = 1;
                }
                default -> {
                    return -1;
                }
            }
            // The k bytes before it, then its value. The next byte to read is at + step: where the word at o
            // would reach it, the rest of that word keeps what it held (only near the start, while the
            // output trails by little; reading back there always would stall on store forwarding).
            long keep = -1L >>> (56 - 8 * k);
            long word = (x & (keep >>> 8)) | (long) value << (8 * k);
            if (o + 8 > at + step) {
                word |= (long) LONG_LE.get(bytes, o) & ~keep;
            }
            LONG_LE.set(bytes, o, word);
            o += k + 1;
            i = at + step;
        }
        for (; i < n; ) {
            int c = bytes[i];
            if (c == '%') {
                if (i + 2 >= n) {
                    return -1;
                }
                int hi = ANY_CASE_HEX_BY_CHAR[bytes[i + 1] & 0xff];
                int lo = ANY_CASE_HEX_BY_CHAR[bytes[i + 2] & 0xff];
                if ((hi | lo | (7 - hi)) < 0) {
                    return -1;
                }
                bytes[o++] = (byte) (hi << 4 | lo);
                i += 3;
            } else {
                int value = FORM_PLAIN[c & 0x7f];
                if ((c | value) < 0 || c == '?') {
                    return -1;
                }
                bytes[o++] = (byte) value;
                i++;
            }
        }
        return o;
    }

    private static final String URL_PARAMETER = "?url=";

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static byte[] asciiEscapeByPair() {
        byte[] table = new byte[1 << 16];
        for (int pair = 0; pair < table.length; pair++) {
            int hi = ANY_CASE_HEX_BY_CHAR[pair & 0xff];
            int lo = ANY_CASE_HEX_BY_CHAR[pair >>> 8];
            table[pair] = (byte) ((hi | lo | (7 - hi)) < 0 ? -1 : hi << 4 | lo);
        }
        return table;
    }

    /** What {@link #formDecodeInPlace} writes for a character outside an escape: '+' is a space; -1 refuses. */
    private static final byte[] FORM_PLAIN = formPlainTable();

    private static byte[] formPlainTable() {
        byte[] table = new byte[0x80];
        for (int c = 0; c < table.length; c++) {
            table[c] = (byte) (c > ' ' && c < 0x7f && c != '%' && c != '&' && c != '#' ? c : -1);
        }
        table['+'] = ' ';
        return table;
    }

    /**
     * {@link #acceptSignedAtmos} of an ASCII URL given as {@code bytes[0, length)}: where
     * {@link #httpHostEnd} finds a plain http(s) host, that is what Node's legacy parser reads (it looks no
     * further than the host), so the parser is skipped; CamoFastPathTest proves the agreement.
     */
    private Verification<String> acceptPlainAtmos(byte[] bytes, int length, int keyIndex) {
        String url = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        int hostEnd = httpHostEnd(bytes, length);
        if (hostEnd < 0) {
            return acceptSignedAtmos(url, keyIndex);
        }
        if (!rejectPrivateAddresses) {
            return Verification.accepted(url, keys, keyIndex);
        }
        return acceptIfAllowed(url, url.substring(bytes[4] == 's' ? 8 : 7, hostEnd), keyIndex, ATMOS_STATUS);
    }

    /** The index of the first {@code c} in {@code s[from, to)}, or {@code to}. */
    private static int firstOf(String s, char c, int from, int to) {
        int i = s.indexOf(c, from);
        return i < 0 || i > to ? to : i;
    }

    /** The reference: every atmos/camo request target, plain or not. */
    Verification<String> verifyAtmosReference(String target) {
        return verifyAtmosReference(target, target.indexOf('?'));
    }

    private Verification<String> verifyAtmosReference(String target, int question) {
        Verification<String> unreadable = SignedUrls.refuseUnreadable(target, maxLength);
        if (unreadable instanceof Verification.Rejected<String> r && r.reason() == Rejection.TOO_LONG) {
            // camo answers 404 to what it will not read; only Node's HTTP parser answers 400 (raw characters).
            return Verification.rejected(Rejection.TOO_LONG, r.detail(), ATMOS_STATUS);
        }
        if (unreadable != null) {
            return unreadable;
        }
        if (target.isEmpty() || target.charAt(0) != '/') {
            return Verification.rejected(Rejection.MALFORMED, SignedUrls.notARequestTarget("prefix"),
                    ATMOS_STATUS);
        }
        if (target.equals("/") || target.equals("/favicon.ico") || target.equals("/status")) {
            return Verification.rejected(Rejection.MALFORMED, "not a proxy request: camo serves its own page at "
                    + target, ATMOS_STATUS);
        }
        String url = NodeText.asNodeSeesIt(target);
        if (url != target) {
            // Re-encoded from non-ASCII: indices moved.
            question = url.indexOf('?');
        }
        // Legacy url.parse: backslashes before '?' or '#' become '/'; '#' ends the query.
        int hash = url.indexOf('#');
        if (hash >= 0 && question > hash) {
            question = -1;
        }
        int pathEnd = question >= 0 ? question : (hash >= 0 ? hash : url.length());
        String pathname = url.substring(0, pathEnd).replace('\\', '/');
        String query = question < 0 ? null : url.substring(question + 1, hash >= 0 ? hash : url.length());
        // pathname.replace(/^\//, '').split('/', 2): the first two segments, the rest ignored.
        int firstSlash = pathname.indexOf('/', 1);
        String digestText = firstSlash < 0 ? pathname.substring(1) : pathname.substring(1, firstSlash);
        String encodedUrl = null;
        if (firstSlash >= 0) {
            int secondSlash = pathname.indexOf('/', firstSlash + 1);
            encodedUrl = pathname.substring(firstSlash + 1, secondSlash < 0 ? pathname.length() : secondSlash);
        }
        String dest;
        byte[] pathUrlBytes = encodedUrl == null ? null : decodeLowerHexText(encodedUrl);
        if (pathUrlBytes != null) {
            dest = NodeText.utf8WithReplacement(pathUrlBytes);
        } else {
            NodeQueryString.QueryUrl fromQuery = NodeQueryString.url(query);
            if (fromQuery.value() == null) {
                return Verification.rejected(Rejection.MALFORMED, "no target URL: the path has no lowercase hex URL"
                        + " segment and " + fromQuery.problem(), ATMOS_STATUS);
            }
            dest = fromQuery.value();
        }
        byte[] digest = decodeLowerHexText(digestText);
        if (digest == null || digest.length != DIGEST_BYTES) {
            return Verification.rejected(Rejection.BAD_SIGNATURE,
                    "digest is not 40 lowercase hex characters", ATMOS_STATUS);
        }
        int keyIndex = ring.match(dest.getBytes(StandardCharsets.UTF_8), digest);
        if (keyIndex == HmacKeyRing.NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "HMAC does not match any configured key",
                    ATMOS_STATUS);
        }
        return acceptSignedAtmos(dest, keyIndex);
    }

    /** What atmos/camo does with a signed URL: read its protocol and host as Node's legacy parser does. */
    private Verification<String> acceptSignedAtmos(String dest, int keyIndex) {
        NodeLegacyUrl host = NodeLegacyUrl.parse(dest);
        if (!host.protocol().equals("http") && !host.protocol().equals("https")) {
            return Verification.rejected(Rejection.TARGET_REFUSED, "signed URL's protocol is not http or https",
                    ATMOS_STATUS);
        }
        if (host.hostname() == null || host.hostname().isEmpty()) {
            return Verification.rejected(Rejection.TARGET_REFUSED, "signed URL has no host", ATMOS_STATUS);
        }
        return acceptIfAllowed(dest, host.hostname(), keyIndex, ATMOS_STATUS);
    }

    // ---------------------------------------------------------------- shared

    /**
     * A raw control character (0x00-0x1F, 0x7F) or space in a request target: no HTTP server hands such a
     * target on (Go's and Node's parsers answer 400 before the proxy runs), so neither do we, in any form
     * and either dialect. Percent-encoded, they are the URL's business.
     */
    private static Verification<String> rawCharacterRejection(char c, int index) {
        return Verification.rejected(Rejection.MALFORMED, "request target contains a raw "
                + (c == ' ' ? "space" : "control character 0x" + Integer.toHexString(c)) + " at index " + index
                + "; HTTP servers answer 400 to such a request line", RAW_CHARACTER_STATUS);
    }

    private Verification<String> acceptIfAllowed(String url, String hostname, int keyIndex, int status) {
        if (rejectPrivateAddresses) {
            String refusal = AddressPolicy.refusal(hostname);
            if (refusal != null) {
                return Verification.rejected(Rejection.TARGET_REFUSED, refusal, status);
            }
        }
        return Verification.accepted(url, keys, keyIndex);
    }

    /** Hex as Go's {@code hex.DecodeString} reads it (either case), or {@code null}. */
    private static byte[] decodeHex(byte[] src, int from, int to, boolean anyCase) {
        // The reference path only: a Latin-1 string holds exactly these bytes.
        return hexOfChars(new String(src, from, to - from, StandardCharsets.ISO_8859_1), 0, to - from, anyCase);
    }

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    /**
     * {@link #decodeHex} of {@code text[from, to)} (either case, or lowercase only), read straight from the
     * string: one lookup per character in a table over all 65536 chars, so no separate range check.
     */
    static byte[] hexOfChars(String text, int from, int to, boolean anyCase) {
        int length = to - from;
        if (length % 2 != 0) {
            return null;
        }
        byte[] table = anyCase ? ANY_CASE_HEX_BY_CHAR : LOWER_HEX_BY_CHAR;
        byte[] out = new byte[length / 2];
        int bad = 0;
        for (int i = 0, j = from; i < out.length; i++, j += 2) {
            int hi = table[text.charAt(j)];
            int lo = table[text.charAt(j + 1)];
            bad |= hi | lo;
            out[i] = (byte) (hi << 4 | lo);
        }
        return bad < 0 ? null : out;
    }

    /**
     * {@link #hexOfChars} (lowercase) where every byte it decodes is ASCII, else {@code null}: the first
     * digit of each pair is read through a table that has only {@code 0-7}, so the check costs nothing.
     */
    static byte[] asciiOfLowerHexChars(String text, int from, int to) {
        int length = to - from;
        if (length % 2 != 0) {
            return null;
        }
        byte[] out = new byte[length / 2];
        int bad = 0;
        for (int i = 0, j = from; i < out.length; i++, j += 2) {
            int hi = ASCII_HIGH_HEX_BY_CHAR[text.charAt(j)];
            int lo = LOWER_HEX_BY_CHAR[text.charAt(j + 1)];
            bad |= hi | lo;
            out[i] = (byte) (hi << 4 | lo);
        }
        return bad < 0 ? null : out;
    }

    /** The digits {@code 0-7} by char, all 65536 of them, -1 for anything else: a first hex digit of ASCII. */
    private static final byte[] ASCII_HIGH_HEX_BY_CHAR = asciiHighHexByChar();

    private static byte[] asciiHighHexByChar() {
        byte[] table = new byte[Character.MAX_VALUE + 1];
        Arrays.fill(table, (byte) -1);
        for (int i = 0; i < 8; i++) {
            table['0' + i] = (byte) i;
        }
        return table;
    }

    /** Hex digit values by char, all 65536 of them (64 KiB each), -1 for anything else. */
    private static final byte[] ANY_CASE_HEX_BY_CHAR = hexByChar(true);
    private static final byte[] LOWER_HEX_BY_CHAR = hexByChar(false);

    /**
     * The byte an escape's two digits (either case) stand for when it is below 0x80, else -1, indexed by
     * the digits read as a little-endian short (64 KiB): one lookup where two lookups and a check were.
     */
    private static final byte[] ASCII_ESCAPE_BY_PAIR = asciiEscapeByPair();

    private static byte[] hexByChar(boolean anyCase) {
        byte[] table = new byte[Character.MAX_VALUE + 1];
        Arrays.fill(table, (byte) -1);
        for (int i = 0; i < 10; i++) {
            table['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            table['a' + i] = (byte) (10 + i);
            if (anyCase) {
                table['A' + i] = (byte) (10 + i);
            }
        }
        return table;
    }

    /**
     * Go's padded URL-alphabet base64 ({@code GoBase64.decodeUrlPadded}) of {@code text[from, to)} when
     * it holds alphabet characters only, four at a time, straight from the string; {@code null} for
     * anything else (padding, newlines, a length of 4k+1, other characters), which the reference then
     * decodes or refuses.
     */
    static byte[] base64OfChars(String text, int from, int to) {
        int length = to - from;
        int tail = length % 4;
        if (tail == 1) {
            return null;
        }
        byte[] out = new byte[length / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
        int bad = 0;
        int i = from;
        int o = 0;
        for (int quads = length / 4; quads > 0; quads--, i += 4, o += 3) {
            int a = base64Value(text.charAt(i));
            int b = base64Value(text.charAt(i + 1));
            int c = base64Value(text.charAt(i + 2));
            int d = base64Value(text.charAt(i + 3));
            bad |= a | b | c | d;
            int bits = a << 18 | b << 12 | c << 6 | d;
            out[o] = (byte) (bits >> 16);
            out[o + 1] = (byte) (bits >> 8);
            out[o + 2] = (byte) bits;
        }
        if (tail != 0) {
            // Two or three symbols: one or two bytes, unused low bits ignored as Go's non-strict mode does.
            int a = base64Value(text.charAt(i));
            int b = base64Value(text.charAt(i + 1));
            int c = tail == 3 ? base64Value(text.charAt(i + 2)) : 0;
            bad |= a | b | c;
            int bits = a << 18 | b << 12 | c << 6;
            out[o] = (byte) (bits >> 16);
            if (tail == 3) {
                out[o + 1] = (byte) (bits >> 8);
            }
        }
        return bad < 0 ? null : out;
    }

    /** From this many characters, go-camo's base64 URL segment goes to the JDK's decoder (base64InPlace). */
    static final int JDK_BASE64_FROM = 128;
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    /**
     * {@link #base64OfChars} through the JDK's decoder, which current JDKs vectorise: one table lookup per
     * character checks the alphabet (wide characters included, so the low-byte copy below is exact and
     * the decoder meets no padding and no other character), then the characters are copied into
     * {@code out} (exactly {@code to - from} long) and decoded in place, where the output trails the input
     * (three bytes written for four read, front to back), which keeps a long verify within 2 KiB. Returns
     * the decoded length in {@code out}, or -1 where {@link #base64OfChars} returns {@code null}.
     * CamoFastPathTest proves both equal on every length around the decoder's block sizes.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for the ASCII checked above
    static int base64InPlace(String text, int from, int to, byte[] out) {
        if ((to - from) % 4 == 1) {
            return -1;
        }
        int bad = 0;
        for (int i = from; i < to; i++) {
            bad |= BASE64_URL[text.charAt(i)];
        }
        if (bad < 0) {
            return -1;
        }
        text.getBytes(from, to, out, 0);
        try {
            return URL_DECODER.decode(out, out);
        } catch (IllegalArgumentException e) {
            return -1; // not reached: the alphabet check above leaves the decoder nothing to refuse
        }
    }

    private static int base64Value(char c) {
        return BASE64_URL[c];
    }

    /** URL-alphabet base64 values by char, all 65536 of them, -1 for anything else (padding included). */
    private static final byte[] BASE64_URL = base64Table();

    private static byte[] base64Table() {
        byte[] table = new byte[Character.MAX_VALUE + 1];
        Arrays.fill(table, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            table[alphabet.charAt(i)] = (byte) i;
        }
        return table;
    }

    /** Non-empty, even-length, {@code [0-9a-f]} only, as atmos/camo's {@code hexdec} demands; else {@code null}. */
    private static byte[] decodeLowerHexText(String text) {
        if (text.isEmpty() || text.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            char a = text.charAt(2 * i);
            char b = text.charAt(2 * i + 1);
            int hi = LOWER_HEX_BY_CHAR[a];
            int lo = LOWER_HEX_BY_CHAR[b];
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Configures a {@link CamoVerifier}. Not thread-safe; the verifier it builds is. */
    public static final class Builder extends CamoSettings<Builder> {
        private CamoDialect dialect = CamoDialect.GO_CAMO;
        private int maxLength = DEFAULT_MAX_LENGTH;
        private boolean rejectPrivateAddresses;

        private Builder(KeySet keys) {
            super(keys);
        }

        /**
         * Which server to behave like; default {@link CamoDialect#GO_CAMO}.
         *
         * @param dialect the server whose acceptance rules to follow
         * @return this builder
         * @throws IllegalArgumentException if {@code dialect} is null
         */
        public Builder dialect(CamoDialect dialect) {
            this.dialect = Settings.required(dialect, "dialect");
            return this;
        }

        /**
         * The longest request target, in characters, that is examined at all; longer ones are
         * {@link Rejection#TOO_LONG} before any decoding or MAC. Default {@value #DEFAULT_MAX_LENGTH}.
         *
         * @param maxLength the limit in characters, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code maxLength} is below 1
         */
        public Builder maxLength(int maxLength) {
            Settings.check(maxLength >= 1, "maxLength", "must be at least 1, got " + maxLength);
            this.maxLength = maxLength;
            return this;
        }

        /**
         * Whether to refuse ({@link Rejection#TARGET_REFUSED}, after the digest verified) targets whose
         * host is not a public one.
         * The host is first read as a browser's WHATWG URL parser reads it: percent-decoded, IDNA-mapped
         * (so {@code 127。0。0。1}, {@code １２７．０．０．１} and {@code ⓛⓞⓒⓐⓛⓗⓞⓢⓣ} are 127.0.0.1 and
         * localhost), IPv4 in every number form ({@code 0x7f.1}, {@code 2130706433}, {@code 010.0.0.1}),
         * IPv6 parsed. Refused: {@code localhost} and {@code *.localhost}; IP literals in a special-purpose
         * range of the IANA IPv4 and IPv6 registries (loopback, this network, RFC 1918, CGNAT
         * 100.64.0.0/10, link-local, 192.0.0.0/24, documentation, benchmarking, multicast, reserved,
         * broadcast, discard, unique-local, site-local, Teredo and the rest of 2001::/23, local-use
         * NAT64), with the IPv4 address inside IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4
         * addresses judged as IPv4; and hosts that have no such reading, including the few where the
         * JDK's IDNA2003 cannot match the browser's UTS 46 (e.g. {@code ß}, characters newer than
         * Unicode 3.2). A trailing dot changes nothing.
         *
         * <p>What it cannot see: DNS answers (a public name that resolves to 127.0.0.1 passes; this never
         * asks DNS), redirects the image server answers with, and the IP the proxy finally connects to.
         * The proxy's own egress filtering remains necessary. Default {@code false}.
         *
         * @param reject {@code true} to refuse non-public hosts
         * @return this builder
         */
        public Builder rejectPrivateAddresses(boolean reject) {
            this.rejectPrivateAddresses = reject;
            return this;
        }

        /**
         * The immutable, thread-safe verifier.
         *
         * @return a verifier with this builder's settings
         */
        public CamoVerifier build() {
            return new CamoVerifier(this);
        }
    }
}
