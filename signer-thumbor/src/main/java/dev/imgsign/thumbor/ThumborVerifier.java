package dev.imgsign.thumbor;

import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.internal.SignedUrls;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides thumbor request targets as thumbor 7.8's {@code ImagingHandler} does: the route regex splits
 * the raw path, tornado percent-decodes each part once (invalid UTF-8 is refused), the image URL is
 * validated (the HTTP loader must find a host; optionally an allowed source), then the URL must be
 * {@code unsafe/} (only if allowed) or carry {@code base64url(HMAC-SHA1(key, rest of the raw path))}
 * with its padding, unquoted twice.
 *
 * <p>Differences from the server, each on the safe side: unsafe URLs are refused unless
 * {@link Builder#allowUnsafe(boolean)} (thumbor allows them by default); the signature is compared in
 * constant time; raw spaces, control characters and non-ASCII characters in the request target are
 * refused; numbers beyond {@code Integer.MAX_VALUE} are refused. The module README lists every rule.
 *
 * <p>Immutable and thread-safe. {@link #verify} never throws and does work linear in the request
 * target plus one HMAC per configured key.
 *
 * <p>Given the signer's {@link Builder#prefix(String) prefix}, it also accepts exactly what the signer
 * returned: {@code verify(signer.sign(...))} (the prefix is removed when the input starts with it, byte
 * for byte, followed by {@code /} or {@code ?}; a request target starting with {@code /} works as before).
 *
 * @since 0.1.0
 */
public final class ThumborVerifier implements UrlVerifier<ThumborRequest> {
    /** The default {@link Builder#maxLength(int)}: 8 KiB. */
    public static final int DEFAULT_MAX_LENGTH = 8 * 1024;

    /** thumbor answers 400 to every refusal of a URL. */
    static final int SERVER_STATUS = 400;
    /** An exception inside thumbor's handler (CPython's urlsplit raising): tornado answers 500. */
    static final int SERVER_ERROR_STATUS = 500;
    private static final int MAC_BYTES = 20;
    private static final int SIGNATURE_CHARS = 28;

    private final KeySet keys;
    private final HmacKeyRing ring;
    private final boolean allowUnsafe;
    private final Set<String> allowedSources;
    private final int maxLength;
    private final String prefix;

    private ThumborVerifier(Builder builder) {
        this.keys = builder.keys;
        this.ring = HmacKeyRing.of(HmacAlgorithm.SHA1, builder.keys);
        this.allowUnsafe = builder.allowUnsafe;
        this.allowedSources = Set.copyOf(builder.allowedSources);
        this.maxLength = builder.maxLength;
        this.prefix = builder.prefix;
    }

    /**
     * A builder verifying against every key of {@code keys}, primary first (thumbor's {@code SECURITY_KEY}).
     *
     * @param keys the keys
     * @return a new builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(keys);
    }

    /**
     * Whether unsigned {@code /unsafe/} URLs are accepted.
     *
     * @return whether unsigned {@code /unsafe/} URLs are accepted
     */
    public boolean allowsUnsafe() {
        return allowUnsafe;
    }

    /**
     * The prefix removed from signed URLs before verifying them, trailing slashes removed.
     *
     * @return the signer's prefix this verifier was given; empty if none
     */
    public String prefix() {
        return prefix;
    }

    /**
     * Verifies a request target, or a URL the signer returned when this verifier has the signer's prefix.
     *
     * @param request the raw path and query as the server received it, for example
     *     {@code /8ammJH8D-7tXy6kU3lTvoXlhu4o=/300x200/my.server.com/some/path/to/image.jpg}, or the
     *     configured {@link Builder#prefix(String) prefix} followed by one
     * @return the request with the index of the key that signed it, or a rejection
     */
    @Override
    public Verification<ThumborRequest> verify(ProxyRequest request) {
        String input = request.target();
        String requestTarget = SignedUrls.requestTarget(input, prefix);
        if (requestTarget.isEmpty()) {
            return malformed("empty request target");
        }
        Verification<ThumborRequest> unreadable = SignedUrls.refuseUnreadable(requestTarget, maxLength);
        if (unreadable != null) {
            return unreadable; // TOO_LONG 414, or MALFORMED 400 as thumbor answers
        }
        for (int i = 0; i < requestTarget.length(); i++) {
            if (requestTarget.charAt(i) >= 0x7f) {
                return malformed("raw non-ASCII character at index " + i + " (a client must percent-encode it)");
            }
        }
        if (requestTarget.charAt(0) != '/') {
            return malformed(SignedUrls.notARequestTarget("prefix"));
        }
        int query = request.queryStart() < 0 ? -1 : request.queryStart() - (input.length() - requestTarget.length());
        return verifyPath(query < 0 ? requestTarget : requestTarget.substring(0, query));
    }

    /**
     * The checks of {@code ImagingHandler.check_image}, in its order, on a checked raw path. thumbor
     * refuses an image URL without a host (400) or one {@code urlsplit} cannot read (500) before it looks
     * at the signature; we answer the same status, but say {@link Rejection#TARGET_REFUSED} only when the
     * URL was validly signed (or allowed unsafe), so that a refusal never hides a forgery.
     */
    private Verification<ThumborRequest> verifyPath(String path) {
        ThumborPath parsed = ThumborPath.parse(path);
        Verification<ThumborRequest> read = read(parsed, allowedSources);
        Verification.Rejected<ThumborRequest> refusal = null;
        if (read instanceof Verification.Rejected<ThumborRequest> r) {
            if (r.reason() != Rejection.TARGET_REFUSED) {
                return read;
            }
            refusal = r;
        }
        int status = refusal == null ? SERVER_STATUS : refusal.httpStatus();
        if (parsed.unsafe) {
            if (!allowUnsafe) {
                return Verification.rejected(Rejection.BAD_SIGNATURE,
                        "URL has unsafe but unsafe URLs are not allowed", status);
            }
            return refusal == null ? read : refusal;
        }
        if (parsed.hash == null) {
            return Verification.rejected(Rejection.MALFORMED, "URL has neither a signature nor unsafe", status);
        }
        String hash = decoded(parsed.hash);
        String message = signedMessage(path, hash);
        byte[] candidate = signatureBytes(PyUrl.unquote(hash));
        if (candidate == null) {
            return Verification.rejected(Rejection.BAD_SIGNATURE,
                    "signature is not 28 characters of URL-safe base64 with padding", status);
        }
        int index = ring.match(message.getBytes(StandardCharsets.US_ASCII), candidate);
        if (index == HmacKeyRing.NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "signature does not match", status);
        }
        if (refusal != null) {
            return refusal;
        }
        return Verification.accepted(((Verification.Accepted<ThumborRequest>) read).request(), keys, index);
    }

    /**
     * What the server reads from a parsed path before it looks at the signature: the decoded parts, the
     * options and the image URL's host check. An acceptance here (key index -1) only means "well formed";
     * {@link Rejection#TARGET_REFUSED} here (no host, or a host {@code urlsplit} cannot read) is final
     * only once the signature is known.
     */
    static Verification<ThumborRequest> read(ThumborPath parsed, Set<String> allowedSources) {
        String hash = decoded(parsed.hash);
        String filters = decoded(parsed.filters);
        String image = decoded(parsed.image);
        if (hash == null || filters == null || image == null) {
            return malformed("invalid UTF-8 in a percent-decoded part (tornado: \"Invalid unicode\")");
        }
        ThumborOptions options;
        try {
            options = options(parsed, filters);
        } catch (NumberFormatException e) {
            return malformed("a number in the options exceeds " + Integer.MAX_VALUE);
        }
        String host = PyUrl.loaderHost(image);
        if (host == PyUrl.VALUE_ERROR) {
            return Verification.rejected(Rejection.TARGET_REFUSED,
                    "the image URL's host part makes CPython's urlsplit raise", SERVER_ERROR_STATUS);
        }
        if (host == null) {
            return Verification.rejected(Rejection.TARGET_REFUSED,
                    "no original image was specified in the given URL (no host)", SERVER_STATUS);
        }
        String lower = asciiLowerOrNull(host);
        if (!allowedSources.isEmpty() && (lower == null || !allowedSources.contains(lower))) {
            return Verification.rejected(Rejection.HOST_NOT_ALLOWED, "image host is not an allowed source",
                    SERVER_STATUS);
        }
        return Verification.acceptedWithoutKey(new ThumborRequest(options, image, parsed.unsafe));
    }

    /**
     * The MAC'd text: the raw path after {@code /{hash}/} or {@code /{quote(hash)}/} (thumbor's
     * {@code _strip_url_signature_prefix}), or the whole path where neither is its prefix.
     */
    static String signedMessage(String path, String hash) {
        String plain = "/" + hash + "/";
        if (path.startsWith(plain)) {
            return path.substring(plain.length());
        }
        String quoted = "/" + PyUrl.quote(hash, PyUrl.SAFE_SLASH) + "/";
        if (path.startsWith(quoted)) {
            return path.substring(quoted.length());
        }
        return path;
    }

    /**
     * The 20 MAC bytes if {@code signature} is exactly what {@code base64.urlsafe_b64encode} makes of some
     * 20 bytes (27 alphabet characters with unused low bits zero, then {@code =}), else {@code null}.
     * thumbor compares the encoded text with {@code ==}; only a canonical encoding can equal it.
     */
    static byte[] signatureBytes(String signature) {
        if (signature.length() != SIGNATURE_CHARS || signature.charAt(SIGNATURE_CHARS - 1) != '=') {
            return null;
        }
        byte[] out = new byte[MAC_BYTES + 1];
        int bits = 0;
        int acc = 0;
        int o = 0;
        for (int i = 0; i < SIGNATURE_CHARS - 1; i++) {
            int v = base64UrlValue(signature.charAt(i));
            if (v < 0) {
                return null;
            }
            acc = acc << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        if (acc != 0) {
            return null; // non-zero unused bits: not what the encoder makes
        }
        return java.util.Arrays.copyOf(out, MAC_BYTES);
    }

    private static int base64UrlValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    /** Tornado's path-argument decoding: {@code unquote_to_bytes} then strict UTF-8; {@code null} if invalid. */
    private static String decoded(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        return PyUrl.utf8OrNull(PyUrl.unquoteToBytes(raw));
    }

    private static ThumborOptions options(ThumborPath p, String filters) {
        ThumborOptions.Builder b = ThumborOptions.builder().debug(p.debug).meta(p.meta).smart(p.smart)
                .filters(filters);
        if (p.trim != null) {
            String[] parts = p.trim.split(":", -1);
            ThumborOptions.TrimPosition position = null;
            int tolerance = -1;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].equals("top-left")) {
                    position = ThumborOptions.TrimPosition.TOP_LEFT;
                } else if (parts[i].equals("bottom-right")) {
                    position = ThumborOptions.TrimPosition.BOTTOM_RIGHT;
                } else {
                    tolerance = Integer.parseInt(parts[i]);
                }
            }
            b.trim(position, tolerance);
        }
        if (p.crop != null) {
            int x = p.crop.indexOf('x');
            int colon = p.crop.indexOf(':');
            int x2 = p.crop.indexOf('x', colon);
            b.crop(Integer.parseInt(p.crop.substring(0, x)), Integer.parseInt(p.crop.substring(x + 1, colon)),
                    Integer.parseInt(p.crop.substring(colon + 1, x2)), Integer.parseInt(p.crop.substring(x2 + 1)));
        }
        if (p.fitIn != null) {
            for (ThumborOptions.FitIn f : ThumborOptions.FitIn.values()) {
                if (f.token().equals(p.fitIn)) {
                    b.fitIn(f);
                }
            }
        }
        if (p.dimensions != null) {
            String d = p.dimensions;
            int x = d.indexOf('x');
            String w = d.substring(0, x);
            String h = d.substring(x + 1);
            b.flipHorizontally(w.startsWith("-")).flipVertically(h.startsWith("-"));
            b.size(size(w.startsWith("-") ? w.substring(1) : w), size(h.startsWith("-") ? h.substring(1) : h));
        }
        if (p.horizontalAlign != null) {
            b.horizontalAlign(ThumborOptions.HorizontalAlign.valueOf(p.horizontalAlign.toUpperCase(Locale.ROOT)));
        }
        if (p.verticalAlign != null) {
            b.verticalAlign(ThumborOptions.VerticalAlign.valueOf(p.verticalAlign.toUpperCase(Locale.ROOT)));
        }
        return b.build();
    }

    private static int size(String s) {
        if (s.equals("orig")) {
            return ThumborOptions.ORIGINAL;
        }
        return s.isEmpty() ? 0 : Integer.parseInt(s);
    }

    /** The host lower-cased over ASCII only; {@code null} for non-ASCII hosts, which never match (README). */
    private static String asciiLowerOrNull(String host) {
        StringBuilder out = new StringBuilder(host.length());
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    private static Verification<ThumborRequest> malformed(String detail) {
        return Verification.rejected(Rejection.MALFORMED, detail, SERVER_STATUS);
    }

    @Override
    public String toString() {
        return "ThumborVerifier[allowUnsafe=" + allowUnsafe + ", allowedSources=" + new TreeSet<>(allowedSources)
                + ", maxLength=" + maxLength + ", keys redacted]";
    }

    /** Configures a {@link ThumborVerifier}. Not thread-safe; the verifier it builds is. */
    public static final class Builder extends ThumborSettings<Builder> {
        private boolean allowUnsafe;
        private Set<String> allowedSources = Set.of();
        private int maxLength = DEFAULT_MAX_LENGTH;

        private Builder(KeySet keys) {
            super(keys);
        }

        /**
         * Whether to accept unsigned {@code /unsafe/…} URLs (thumbor's {@code ALLOW_UNSAFE_URL}). Default
         * {@code false}, unlike thumbor, whose default {@code True} lets anyone request any operation on
         * any image.
         *
         * @param allowUnsafe whether to accept unsafe URLs
         * @return this builder
         */
        public Builder allowUnsafe(boolean allowUnsafe) {
            this.allowUnsafe = allowUnsafe;
            return this;
        }

        /**
         * Image hosts to accept (thumbor's {@code ALLOWED_SOURCES} in its plain-hostname form, matched
         * exactly against the lower-cased host); empty, the default, accepts any host. Each entry must be
         * a lower-case ASCII host name: thumbor never matches an entry with capitals, and its regex
         * entries are not supported.
         *
         * @param hosts the hosts
         * @return this builder
         * @throws IllegalArgumentException for a null collection or entry, an empty, upper-case, non-ASCII or
         *     regex-like entry
         */
        public Builder allowedSources(Collection<String> hosts) {
            Set<String> copy = new TreeSet<>();
            for (String host : Settings.required(hosts, "allowedSources")) {
                Settings.check(host != null && !host.isEmpty(), "allowedSources", "an entry is null or empty");
                for (int i = 0; i < host.length(); i++) {
                    char c = host.charAt(i);
                    Settings.check(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_',
                            "allowedSources", "an entry must be a lower-case ASCII host name ([a-z0-9._-]), got \""
                                    + host + '"');
                }
                copy.add(host);
            }
            this.allowedSources = copy;
            return this;
        }

        /**
         * Longer request targets are refused with {@link Rejection#TOO_LONG}. Default {@value #DEFAULT_MAX_LENGTH}.
         *
         * @param maxLength the max length
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxLength(int maxLength) {
            Settings.check(maxLength >= 1, "maxLength", "must be positive, got " + maxLength);
            this.maxLength = maxLength;
            return this;
        }

        /**
         * The immutable, thread-safe verifier.
         *
         * @return the immutable, thread-safe verifier
         */
        public ThumborVerifier build() {
            return new ThumborVerifier(this);
        }
    }
}
