package dev.imgsign.imgproxy;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.peer.go.GoBase64;
import dev.imgsign.core.internal.Percent;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.internal.SignedUrls;
import dev.imgsign.core.spi.ConstantTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Decides on an imgproxy request target as the configured {@link ImgproxyServerVersion server version}
 * does, step by step as the server's code runs.
 *
 * <ol>
 *   <li>Go's HTTP server: a blank or control character anywhere, a target not starting with {@code /},
 *       or a bad {@code %} escape before the {@code ?}: {@link Rejection#MALFORMED} 400. Longer than
 *       {@link Builder#maxLength}: {@link Rejection#TOO_LONG} 414 (ours; Go's limit is 1 MB of headers).</li>
 *   <li>The raw target is cut at the first {@code ?}, the path prefix removed, then the signature segment
 *       split off (v3: one leading {@code /} removed, the signature must be non-empty, the path keeps its
 *       {@code /}; v4: the route's {@code /} and one more removed, signature and path must be non-empty).
 *       Otherwise {@link Rejection#MALFORMED} 404.</li>
 *   <li>The path is fixed as the server fixes it: {@code %3A} to {@code :} in the options part, the greedy
 *       {@code scheme:/x} to {@code scheme://x} in a plain source, v4 drops one leading {@code /}.</li>
 *   <li>Signature: a {@link Builder#trustedSignatures trusted signature} verbatim (constant-time) is
 *       accepted; otherwise the signature is unpadded base64url (an {@code =}, a character outside the
 *       alphabet or a length of 4k+1 is "Invalid signature encoding", unused low bits are ignored) and must
 *       equal the first {@code signatureSize} bytes of HMAC-SHA256(key, salt ‖ path) for one pair, in
 *       order (v4 puts a {@code /} before a path without one); {@link Rejection#BAD_SIGNATURE} 403
 *       otherwise. {@code insecure} and {@code _} are rejected like any wrong signature. v4 panics on an
 *       empty path with a decodable signature (answered 500); so do we, as {@link Rejection#MALFORMED}
 *       500.</li>
 *   <li>Then the path is parsed as {@code ParsePath} does (resize-type first segment, options, plain or
 *       base64 source, one {@code @}/{@code .} extension); a failure is {@link Rejection#MALFORMED} 404.
 *       Option names and values are not validated (the server answers 404 for unknown ones). A source
 *       that is not UTF-8 has the server's shape and the server accepts it, but a Java string cannot
 *       carry it: {@link Rejection#TARGET_REFUSED} 404 (our refusal of a signed target).</li>
 * </ol>
 *
 * <p>Without keys ({@link #builderWithoutKeys()}, the server's default of no
 * {@code IMGPROXY_KEY}): v3 accepts any signature segment, v4 any without a {@code :}. Never throws;
 * work is linear in the target and bounded by {@link Builder#maxLength}. Immutable and thread-safe.
 *
 * <p>Given the signer's {@link Builder#baseUrl(String) base URL}, it also accepts exactly what the signer
 * returned: {@code verify(signer.sign(request))} (the base URL is removed when the input starts with it,
 * byte for byte, followed by {@code /} or {@code ?}; a request target starting with {@code /} works as
 * before).
 *
 * @since 0.1.0
 */
public final class ImgproxyVerifier implements UrlVerifier<ImgproxyRequest> {
    /** Default upper bound on the request target length. */
    public static final int DEFAULT_MAX_LENGTH = 16 * 1024;

    private static final int NOT_FOUND = 404;
    private static final int BAD_REQUEST = 400;
    private static final int SERVER_PANIC = 500;

    private final ImgproxyKeys keys; // null: signing disabled
    private final ImgproxyServerVersion version;
    private final int signatureSize;
    private final byte[][] trusted;
    private final String pathPrefix;
    private final byte[] routePrefix;
    private final int maxLength;
    private final String baseUrl;

    private ImgproxyVerifier(Builder b, ImgproxyKeys keys) {
        this.keys = keys;
        this.version = b.version;
        this.signatureSize = b.signatureSize;
        this.trusted = b.trusted.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.pathPrefix = b.pathPrefix;
        this.routePrefix = (b.pathPrefix + "/").getBytes(StandardCharsets.US_ASCII);
        this.maxLength = b.maxLength;
        this.baseUrl = b.baseUrl;
    }

    /**
     * A builder verifying against every key of {@code keys}, each paired with its
     * {@link Builder#salts salt}, in order.
     *
     * @param keys the imgproxy keys ({@code IMGPROXY_KEY}), primary first
     * @return a new builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(Settings.required(keys, "keys"));
    }

    /**
     * A builder for a verifier that decides as a server without {@code IMGPROXY_KEY}/{@code IMGPROXY_SALT},
     * which checks no signature at all (v3 accepts any signature segment, v4 any without a {@code :}).
     * Explicit on purpose: it accepts anyone's URL. Such a builder takes no {@link Builder#salts salts}.
     *
     * @return a new builder without keys
     */
    public static Builder builderWithoutKeys() {
        return new Builder(null);
    }

    /**
     * The server version this verifier decides as.
     *
     * @return the server version this verifier decides as
     */
    public ImgproxyServerVersion serverVersion() {
        return version;
    }

    /**
     * The signer's base URL removed from inputs before verifying them.
     *
     * @return the base URL this verifier was given, trailing slashes removed; empty if none
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Verifies a request target, or a URL the signer returned when this verifier has the signer's base URL.
     *
     * @param request the raw path and query, still percent-encoded, or the configured
     *     {@link Builder#baseUrl(String) base URL} followed by them
     * @return the request with the index of the key pair that signed it, or a rejection
     */
    @Override
    public Verification<ImgproxyRequest> verify(ProxyRequest request) {
        String input = request.target();
        String requestTarget = SignedUrls.requestTarget(input, baseUrl);
        Verification<ImgproxyRequest> unreadable = SignedUrls.refuseUnreadable(requestTarget, maxLength);
        if (unreadable != null) {
            return unreadable; // TOO_LONG 414, or MALFORMED 400 as Go's server answers a blank or control
        }
        if (unpairedSurrogate(requestTarget)) {
            return Verification.rejected(Rejection.MALFORMED, "unpaired surrogate in the request target",
                    BAD_REQUEST);
        }
        int query = request.queryStart() < 0 ? -1 : request.queryStart() - (input.length() - requestTarget.length());
        String uri = query < 0 ? requestTarget : requestTarget.substring(0, query);
        if (!uri.startsWith("/")) {
            return Verification.rejected(Rejection.MALFORMED, SignedUrls.notARequestTarget("baseUrl"), BAD_REQUEST);
        }
        if (!validEscapes(uri)) {
            return Verification.rejected(Rejection.MALFORMED, "invalid percent-escape in the path", BAD_REQUEST);
        }
        // The router matches the decoded path; the handler then trims the raw one. Without a prefix the
        // route is "/", which every decoded path starts with.
        if (!pathPrefix.isEmpty() && !startsWith(Percent.decode(uri, false), routePrefix)) {
            return Verification.rejected(Rejection.MALFORMED, "path outside the path prefix", NOT_FOUND);
        }
        String signature;
        String path;
        if (version == ImgproxyServerVersion.V3) {
            String rest = uri.startsWith(pathPrefix) ? uri.substring(pathPrefix.length()) : uri;
            rest = trimSlash(rest);
            int end = rest.indexOf('/');
            if (end <= 0) {
                return Verification.rejected(Rejection.MALFORMED, "invalid path: no signature segment", NOT_FOUND);
            }
            signature = rest.substring(0, end);
            path = rest.substring(end);
        } else {
            String pattern = pathPrefix + "/";
            String rest = uri.startsWith(pattern) ? uri.substring(pattern.length()) : uri;
            rest = trimSlash(rest);
            int end = rest.indexOf('/');
            signature = end < 0 ? rest : rest.substring(0, end);
            path = end < 0 ? "" : rest.substring(end + 1);
            if (signature.isEmpty() || path.isEmpty()) {
                return Verification.rejected(Rejection.MALFORMED, "invalid path: no signature or no path", NOT_FOUND);
            }
        }
        String fixed = ImgproxyPath.fix(version, path);
        int keyIndex = checkSignature(signature, fixed);
        if (keyIndex == INVALID_ENCODING) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "invalid signature encoding");
        }
        if (keyIndex == NO_MATCH) {
            return Verification.rejected(Rejection.BAD_SIGNATURE, "invalid signature");
        }
        if (keyIndex == MISSING) {
            return Verification.rejected(Rejection.BAD_SIGNATURE,
                    "the signature segment looks like a processing option (signature missing)");
        }
        if (keyIndex == PANIC) {
            return Verification.rejected(Rejection.MALFORMED, "empty path after the signature (v4 panics: 500)",
                    SERVER_PANIC);
        }
        ImgproxyPath.Parsed parsed = ImgproxyPath.parse(fixed);
        if (parsed.request() == null) {
            return Verification.rejected(parsed.refused() ? Rejection.TARGET_REFUSED : Rejection.MALFORMED,
                    parsed.problem(), NOT_FOUND);
        }
        return new Verification.Accepted<>(parsed.request(), keyIndex, "");
    }

    private static final int UNSIGNED = -1;
    private static final int NO_MATCH = -2;
    private static final int INVALID_ENCODING = -3;
    private static final int MISSING = -4;
    private static final int PANIC = -5;

    /** The matching pair's index, {@link #UNSIGNED} (-1) for trusted or unchecked, or a negative failure. */
    private int checkSignature(String signature, String fixedPath) {
        if (keys == null) {
            return version == ImgproxyServerVersion.V4 && signature.indexOf(':') >= 0 ? MISSING : UNSIGNED;
        }
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        boolean isTrusted = false;
        for (byte[] t : trusted) {
            isTrusted |= ConstantTime.equals(t, given);
        }
        if (isTrusted) {
            return UNSIGNED;
        }
        byte[] mac = GoBase64.decodeRawUrl(given, 0, given.length);
        if (mac == null) {
            return INVALID_ENCODING;
        }
        if (fixedPath.isEmpty()) {
            return PANIC; // only v4 can get here with an empty path: signatureFor reads str[0]
        }
        if (mac.length != signatureSize) {
            return NO_MATCH; // hmac.Equal of different lengths: the server computes and compares in vain
        }
        boolean slash = version == ImgproxyServerVersion.V4 && fixedPath.charAt(0) != '/';
        byte[] message = fixedPath.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < keys.size(); i++) {
            byte[] expected = keys.mac(i, message, slash);
            if (ConstantTime.equals(signatureSize == expected.length ? expected : Arrays.copyOf(expected, signatureSize),
                    mac)) {
                return i;
            }
        }
        return NO_MATCH;
    }

    /** Whether {@code s} holds a surrogate that is not half of a pair (such a target has no UTF-8 form). */
    private static boolean unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every {@code %} is followed by two hex digits, as Go's {@code url.ParseRequestURI} requires. */
    private static boolean validEscapes(String s) {
        for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= s.length() || Percent.hexValue(s.charAt(i + 1)) < 0 || Percent.hexValue(s.charAt(i + 2)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String trimSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }

    @Override
    public String toString() {
        return "ImgproxyVerifier[" + (keys == null ? "unsigned" : keys.toString()) + ", " + version
                + ", signatureSize=" + signatureSize + ", " + trusted.length + " trusted signatures, pathPrefix="
                + pathPrefix + ", maxLength=" + maxLength + "]";
    }

    /**
     * Configures an {@link ImgproxyVerifier}: with keys ({@link ImgproxyVerifier#builder(KeySet)}),
     * {@link #salts} is required; without ({@link ImgproxyVerifier#builderWithoutKeys()}) no signature is
     * checked. Not thread-safe.
     */
    public static final class Builder extends ImgproxySettings<Builder> {
        private ImgproxyServerVersion version = ImgproxyServerVersion.V4;
        private List<String> trusted = List.of();
        private int maxLength = DEFAULT_MAX_LENGTH;

        private Builder(KeySet keys) {
            super(keys);
        }

        /**
         * The server version to decide as (default {@link ImgproxyServerVersion#V4}).
         *
         * @param version the version
         * @return this builder
         * @throws IllegalArgumentException if {@code version} is null
         */
        public Builder serverVersion(ImgproxyServerVersion version) {
            this.version = Settings.required(version, "serverVersion");
            return this;
        }

        /**
         * {@code IMGPROXY_TRUSTED_SIGNATURES}: accepted verbatim for any path (compared in constant time).
         *
         * @param signatures the signatures
         * @return this builder
         * @throws IllegalArgumentException if the collection or a signature is null or a signature is empty
         */
        public Builder trustedSignatures(Collection<String> signatures) {
            List<String> copy = new ArrayList<>();
            for (String s : Settings.required(signatures, "trustedSignatures")) {
                Settings.check(s != null && !s.isEmpty(), "trustedSignatures", "a trusted signature is null or empty");
                copy.add(s);
            }
            this.trusted = List.copyOf(copy);
            return this;
        }

        /**
         * Longest request target considered (default {@value #DEFAULT_MAX_LENGTH}); longer is {@link Rejection#TOO_LONG}.
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
         * The verifier.
         *
         * @return the verifier
         * @throws IllegalArgumentException naming {@code salts} when keys have no salts, not one per key, or
         *     an unsigned builder was given salts
         */
        public ImgproxyVerifier build() {
            return new ImgproxyVerifier(this, pairs());
        }
    }
}
