package dev.imgsign.expiring.weekly;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.spi.ConstantTime;
import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.internal.Percent;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.internal.SignedUrls;
import dev.imgsign.expiring.internal.Ascii;
import dev.imgsign.expiring.internal.LinkSettings;
import dev.imgsign.core.internal.UrlSafeBase64;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies weekly-key bucket links as imageproxy-py does: {@code /{bucket}/{size}/{signature}/{ext_url}[/proxy]}.
 *
 * <p>Order and answers follow the server: 4 or 5 segments (else 400), then the signature, exactly 16
 * characters, against this week's key and then each of the {@linkplain Builder#graceWeeks previous weeks}
 * (else 410), and only then the size (else 400). The next week's key is never accepted. Signatures are
 * compared in constant time (the server uses {@code ==}). The size is not signed: a side that is not an
 * allowed size is dropped ({@code 150x999} means height 150), and at least one allowed side is needed.
 *
 * <p>Where the server is looser we reject, with 400: a fifth segment other than {@code proxy}, an empty
 * bucket, a non-ASCII segment, a validly signed {@code ext_url} that is not base64 of UTF-8 text
 * ({@link Rejection#MALFORMED}) or of a URL not starting with {@code http}
 * ({@link Rejection#TARGET_REFUSED}: Gazelle never signs one), and a request target holding a raw
 * control character (0x00-0x1F, 0x7F) or space anywhere, query included (no HTTP server delivers one).
 * The query string is otherwise ignored, as the server ignores it.
 *
 * <p>Given the signer's {@link Builder#host(String) host}, it also accepts exactly what the signer
 * returned: the host is removed when the input starts with it, byte for byte, followed by {@code /} or
 * {@code ?}; a request target starting with {@code /} works as before.
 *
 * <p>Immutable and thread-safe; never throws.
 *
 * @since 0.1.0
 */
public final class WeeklyLinkVerifier implements UrlVerifier<WeeklyLink> {
    /** The server's default allowed sizes. */
    public static final Set<Integer> DEFAULT_ALLOWED_SIZES = Set.of(150, 250, 500);
    /** Extra weeks before the grace window checked only to tell an expired link from a forged one. */
    static final int EXPIRED_LOOKBACK_WEEKS = 4;
    private static final int STATUS_GONE = 410;
    private static final int STATUS_BAD_REQUEST = 400;

    private final WeekKeys weekKeys;
    private final KeySet keys;
    private final Clock clock;
    private final WeeklyProtocol protocol;
    private final boolean proxyInMessage;
    private final int graceWeeks;
    private final Set<String> allowedSizes;
    /** The allowed sizes, sorted, for the allocation-free size check. */
    private final int[] sortedSizes;
    private final int maxLength;
    private final String host;

    private WeeklyLinkVerifier(Builder b) {
        this.keys = b.keys;
        this.weekKeys = b.weekKeys();
        this.clock = b.clock;
        this.protocol = b.protocol;
        this.proxyInMessage = b.proxyInMessage;
        this.graceWeeks = b.graceWeeks;
        Set<String> sizes = new TreeSet<>();
        for (int size : b.allowedSizes) {
            sizes.add(Integer.toString(size));
        }
        this.allowedSizes = Set.copyOf(sizes);
        this.sortedSizes = b.allowedSizes.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.maxLength = b.maxLength;
        this.host = b.host;
    }

    /**
     * A builder accepting links signed with {@code keys}; every other setting has a default.
     *
     * @param keys the secrets accepted, each tried with this week's key and the grace weeks' keys
     * @return a builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(keys);
    }

    @Override
    public Verification<WeeklyLink> verify(ProxyRequest request) {
        return verify(request, true);
    }

    /** {@link #verify(ProxyRequest)} without the fast path: the reference the differential property compares. */
    Verification<WeeklyLink> verifyReference(String requestTarget) {
        return verify(ProxyRequest.of(requestTarget), false);
    }

    private Verification<WeeklyLink> verify(ProxyRequest request, boolean fastPath) {
        String requestTarget = LinkSettings.target(request, host);
        if (fastPath && requestTarget.length() <= maxLength && !requestTarget.isEmpty()
                && requestTarget.charAt(0) == '/') {
            int end = LinkSettings.queryStart(request, requestTarget);
            if (end < 0) {
                end = requestTarget.length();
            }
            // Printable ASCII throughout (so readable) and no escape in the path: the common target, in one
            // pass; anything else takes the checks below in order.
            int escape = requestTarget.indexOf('%');
            byte[] bytes = escape < 0 || escape >= end ? Ascii.printableBytes(requestTarget) : null;
            if (bytes != null) {
                return verifyPlain(requestTarget, bytes, end);
            }
        }
        Verification<WeeklyLink> unreadable = SignedUrls.refuseUnreadable(requestTarget, maxLength);
        if (unreadable != null) {
            return unreadable;
        }
        int end = LinkSettings.queryStart(request, requestTarget);
        if (end < 0) {
            end = requestTarget.length();
        }
        if (end == 0 || requestTarget.charAt(0) != '/') {
            return malformed(SignedUrls.notARequestTarget("host"));
        }
        String[] segments = new String[5];
        int count = 0;
        int start = 1;
        while (true) {
            int slash = requestTarget.indexOf('/', start);
            int stop = slash < 0 || slash > end ? end : slash;
            if (count == 5) {
                return malformed("wrong number of path segments");
            }
            String segment = decodeAscii(requestTarget, start, stop);
            if (segment == null) {
                return malformed("path segment is not percent-encoded ASCII");
            }
            segments[count++] = segment;
            if (stop == end) {
                break;
            }
            start = stop + 1;
        }
        if (count != 4 && count != 5) {
            return malformed("wrong number of path segments");
        }
        boolean proxy = count == 5;
        if (proxy && !segments[4].equals("proxy")) {
            return malformed("fifth path segment is not 'proxy'");
        }
        String bucket = segments[0];
        if (WeeklyLink.bucketProblem(bucket) != null) {
            return malformed("bad bucket");
        }
        String signature = segments[2];
        String extUrl = segments[3];
        if (signature.length() != WeeklyMessages.SIGNATURE_CHARS) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "signature is not 16 characters", STATUS_GONE);
        }
        byte[] candidate;
        try {
            candidate = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "signature is not URL-safe base64", STATUS_GONE);
        }
        if (candidate.length != WeeklyMessages.SIGNATURE_BYTES) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "signature is not 12 bytes", STATUS_GONE);
        }
        byte[] message = WeeklyMessages.message(protocol, bucket, extUrl, proxy && proxyInMessage);
        Instant now = clock.instant();
        int keyIndex = matchInWindow(now, message, 0, message.length, candidate);
        if (keyIndex < 0) {
            return unmatched(now, message, 0, message.length, candidate);
        }
        return signed(bucket, proxy ? 0 : parseSize(segments[1]), decodeExtUrl(extUrl), proxy, keyIndex);
    }

    /**
     * The answer for a link whose signature matched, in the server's order: the size must name an
     * allowed size ({@link #parseSize(String)}'s result, 0 for proxy links; else MALFORMED), the decoded
     * image URL must be text ({@code null}: it is not, MALFORMED) and an http URL, the only kind Gazelle
     * signs (else TARGET_REFUSED, with the 400 the other refusals of this scheme answer).
     */
    private Verification<WeeklyLink> signed(String bucket, long size, String imageUrl, boolean proxy, int keyIndex) {
        if (size < 0) {
            return malformed("size is not 'full' or {h}x{w} with an allowed size");
        }
        if (imageUrl == null) {
            return malformed("ext_url is not URL-safe base64 of UTF-8 text");
        }
        if (!imageUrl.startsWith("http")) {
            return Verification.rejected(Rejection.TARGET_REFUSED,
                    "the signed image URL does not start with http", STATUS_BAD_REQUEST);
        }
        WeeklyLink link = new WeeklyLink(bucket, imageUrl, (int) (size >>> 32), (int) size, proxy);
        return Verification.accepted(link, keys, keyIndex);
    }

    /** The index of the key that signed {@code message} this week or in the grace window, or -1. */
    private int matchInWindow(Instant now, byte[] message, int from, int length, byte[] candidate) {
        int keyIndex = -1;
        for (int weeksBack = 0; weeksBack <= graceWeeks && keyIndex < 0; weeksBack++) {
            keyIndex = match(weekKeys.suffix(now, weeksBack), message, from, length, candidate);
        }
        return keyIndex;
    }

    /** The reference path's answers, step for step, over index ranges of a plain ASCII path. */
    private Verification<WeeklyLink> verifyPlain(String target, byte[] bytes, int end) {
        // Segment k is target[cut[k], cut[k + 1] - 1).
        int[] cut = new int[6];
        cut[0] = 1;
        int count = 1;
        for (int i = target.indexOf('/', 1); i >= 0 && i < end; i = target.indexOf('/', i + 1)) {
            if (count == 5) {
                return malformed("wrong number of path segments");
            }
            cut[count++] = i + 1;
        }
        cut[count] = end + 1;
        if (count != 4 && count != 5) {
            return malformed("wrong number of path segments");
        }
        boolean proxy = count == 5;
        if (proxy && !(end - cut[4] == 5 && target.startsWith("proxy", cut[4]))) {
            return malformed("fifth path segment is not 'proxy'");
        }
        String bucket = target.substring(cut[0], cut[1] - 1);
        if (WeeklyLink.bucketProblem(bucket) != null) {
            return malformed("bad bucket");
        }
        int sigFrom = cut[2];
        int sigTo = cut[3] - 1;
        if (sigTo - sigFrom != WeeklyMessages.SIGNATURE_CHARS) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "signature is not 16 characters", STATUS_GONE);
        }
        byte[] candidate = UrlSafeBase64.decodeAlphabetOrNull(bytes, sigFrom, sigTo);
        if (candidate == null) {
            try {
                candidate = Base64.getUrlDecoder().decode(target.substring(sigFrom, sigTo));
            } catch (IllegalArgumentException e) {
                return Verification.rejected(Rejection.BAD_SIGNATURE, "signature is not URL-safe base64", STATUS_GONE);
            }
            if (candidate.length != WeeklyMessages.SIGNATURE_BYTES) {
                return Verification.rejected(Rejection.BAD_SIGNATURE, "signature is not 12 bytes", STATUS_GONE);
            }
        }
        int extFrom = cut[3];
        int extTo = cut[4] - 1;
        // The message is written over the target's own bytes, ending where ext_url (or "/proxy") ends:
        // "bucket" goes just before the '/' that precedes ext_url, over the size and signature already read.
        int offset = protocol == WeeklyProtocol.BUCKET ? bucket.length() + 1 : 0;
        int messageFrom = extFrom - offset;
        if (offset > 0) {
            System.arraycopy(bytes, cut[0], bytes, messageFrom, bucket.length());
        }
        int messageLength = offset + (extTo - extFrom) + (proxy && proxyInMessage ? 6 : 0);
        Instant now = clock.instant();
        int keyIndex = matchInWindow(now, bytes, messageFrom, messageLength, candidate);
        if (keyIndex < 0) {
            return unmatched(now, bytes, messageFrom, messageLength, candidate);
        }
        long size = proxy ? 0 : parseSize(target, cut[1], cut[2] - 1);
        // ext_url's bytes are already in the message: decode them there with the JDK's decoder, as the
        // reference does (same decoder, same bytes, same answers).
        return signed(bucket, size, decodeExtUrl(bytes, extFrom, extTo - extFrom), proxy, keyIndex);
    }

    /** {@link #decodeExtUrl(String)} of the ASCII {@code bytes[offset, offset + length)}. */
    private static String decodeExtUrl(byte[] bytes, int offset, int length) {
        ByteBuffer decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(ByteBuffer.wrap(bytes, offset, length));
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] url = decoded.array().length == decoded.remaining() ? decoded.array()
                : Arrays.copyOf(decoded.array(), decoded.remaining());
        return utf8OrNull(url);
    }

    /** UTF-8 text, or {@code null} if invalid: ASCII directly, anything else through the strict decoder. */
    private static String utf8OrNull(byte[] bytes) {
        int any = 0;
        for (byte b : bytes) {
            any |= b; // no branch per byte
        }
        return any < 0 ? Percent.utf8OrNull(bytes) : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** {@link #parseSize(String)} of {@code s[from, to)}, without substrings or boxing. */
    long parseSize(String s, int from, int to) {
        if (to - from == 4 && s.startsWith("full", from)) {
            return 0;
        }
        int x = indexOf(s, 'x', from, to);
        if (x < 0) {
            return -1;
        }
        int x2 = indexOf(s, 'x', x + 1, to);
        int height = allowedSize(s, from, x);
        int width = allowedSize(s, x + 1, x2 < 0 ? to : x2);
        if (height == 0 && width == 0) {
            return -1;
        }
        return ((long) height << 32) | width;
    }

    /** The allowed size whose decimal text is exactly {@code s[from, to)}, or 0. */
    private int allowedSize(String s, int from, int to) {
        if (to <= from || to - from > 10 || s.charAt(from) == '0') {
            return 0;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value <= Integer.MAX_VALUE && Arrays.binarySearch(sortedSizes, (int) value) >= 0
                ? (int) value : 0;
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Tells a signature of a week just outside the window (expired) or of next week from a forgery. */
    private Verification<WeeklyLink> unmatched(Instant now, byte[] message, int from, int length, byte[] candidate) {
        if (match(weekKeys.suffix(now, -1), message, from, length, candidate) >= 0) {
            return Verification.rejected(Rejection.NOT_YET_VALID, "signed with next week's key", STATUS_GONE);
        }
        for (int weeksBack = graceWeeks + 1; weeksBack <= graceWeeks + EXPIRED_LOOKBACK_WEEKS; weeksBack++) {
            if (match(weekKeys.suffix(now, weeksBack), message, from, length, candidate) >= 0) {
                return Verification.rejected(Rejection.EXPIRED, "signed with an expired week's key", STATUS_GONE);
            }
        }
        return Verification.rejected(Rejection.BAD_SIGNATURE, "signature does not match", STATUS_GONE);
    }

    private int match(int suffix, byte[] message, int from, int length, byte[] candidate) {
        Hmac[] hmacs = weekKeys.hmacs(suffix);
        for (int i = 0; i < hmacs.length; i++) {
            // As Hmac.matchesTruncated, over a range of the array, without the truncated copy.
            if (prefixEquals(hmacs[i].mac(message, from, length), candidate)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code candidate} (12 bytes) equals the first 12 bytes of {@code mac}, in constant time: every
     * byte is compared whatever the content, as {@link ConstantTime#equals} does for whole arrays.
     */
    static boolean prefixEquals(byte[] mac, byte[] candidate) {
        if (candidate.length != WeeklyMessages.SIGNATURE_BYTES) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < WeeklyMessages.SIGNATURE_BYTES; i++) {
            diff |= mac[i] ^ candidate[i];
        }
        return diff == 0;
    }

    /**
     * The server's size rule: {@code full}, or text split on {@code x} into height and width (further
     * parts ignored), each kept only if it is exactly an allowed size. Returns height in the high and
     * width in the low 32 bits, or -1 when no side is allowed.
     */
    long parseSize(String size) {
        if (size.equals("full")) {
            return 0;
        }
        int x = size.indexOf('x');
        if (x < 0) {
            return -1;
        }
        int x2 = size.indexOf('x', x + 1);
        String h = size.substring(0, x);
        String w = size.substring(x + 1, x2 < 0 ? size.length() : x2);
        int height = allowedSizes.contains(h) ? Integer.parseInt(h) : 0;
        int width = allowedSizes.contains(w) ? Integer.parseInt(w) : 0;
        if (height == 0 && width == 0) {
            return -1;
        }
        return ((long) height << 32) | width;
    }

    /** The text ext_url encodes, or {@code null} when it is not URL-safe base64 of UTF-8. */
    private static String decodeExtUrl(String extUrl) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(extUrl);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Percent.utf8OrNull(bytes);
    }

    private static String decodeAscii(String s, int from, int to) {
        byte[] bytes = Percent.decode(s, from, to, false);
        if (bytes == null) {
            return null;
        }
        for (byte b : bytes) {
            if (b < 0x20 || b == 0x7f) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static Verification<WeeklyLink> malformed(String detail) {
        return Verification.rejected(Rejection.MALFORMED, detail, STATUS_BAD_REQUEST);
    }

    @Override
    public String toString() {
        return "WeeklyLinkVerifier[" + protocol.optionValue() + ", proxyInMessage=" + proxyInMessage
                + ", graceWeeks=" + graceWeeks + ", sizes=" + allowedSizes + ", keys redacted]";
    }

    /**
     * Settings of a {@link WeeklyLinkVerifier}: the shared weekly settings plus the grace window, the
     * allowed sizes and the length limit. Everything but the keys has a default.
     */
    public static final class Builder extends WeeklySettings<Builder> {
        int graceWeeks = 1;
        private Set<Integer> allowedSizes = DEFAULT_ALLOWED_SIZES;
        int maxLength = 4096;

        private Builder(KeySet keys) {
            super(keys);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * How many previous weeks' keys are still accepted: 1 (default) as imageproxy-py, 0 as
         * Gazelle's own validator; at most 8.
         *
         * @param graceWeeks the number of earlier weeks, 0 to 8
         * @return this builder
         * @throws IllegalArgumentException if {@code graceWeeks} is outside 0..8
         */
        public Builder graceWeeks(int graceWeeks) {
            Settings.check(graceWeeks >= 0 && graceWeeks <= 8, "graceWeeks", "must be 0..8, got " + graceWeeks);
            this.graceWeeks = graceWeeks;
            return this;
        }

        /**
         * The sizes (pixels) a side may have; {150, 250, 500} unless set.
         *
         * @param sizes the allowed side lengths in pixels
         * @return this builder
         * @throws IllegalArgumentException if {@code sizes} is null, empty or holds a null or non-positive size
         */
        public Builder allowedSizes(Set<Integer> sizes) {
            Settings.required(sizes, "allowedSizes");
            Settings.check(!sizes.isEmpty(), "allowedSizes", "must not be empty");
            for (Integer size : sizes) {
                Settings.check(size != null && size > 0, "allowedSizes", "must be positive, got " + size);
            }
            this.allowedSizes = Set.copyOf(sizes);
            return this;
        }

        /**
         * The longest request target examined; longer ones are rejected as TOO_LONG. Default 4096.
         *
         * @param maxLength the limit in characters, at least 16
         * @return this builder
         * @throws IllegalArgumentException if {@code maxLength} is below 16
         */
        public Builder maxLength(int maxLength) {
            this.maxLength = LinkSettings.maxLength(maxLength, 16);
            return this;
        }

        /**
         * The immutable, thread-safe verifier.
         *
         * @return a verifier with this builder's settings
         */
        public WeeklyLinkVerifier build() {
            return new WeeklyLinkVerifier(this);
        }
    }
}
