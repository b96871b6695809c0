package dev.imgsign.imageproxy;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.internal.SignedUrls;
import dev.imgsign.core.spi.ConstantTime;
import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.peer.go.GoBase64;
import dev.imgsign.peer.go.GoTime;
import dev.imgsign.peer.go.GoUrl;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;

/**
 * Decides on a willnorris/imageproxy request target as the server does, in the server's order.
 *
 * <ol>
 *   <li>The target is parsed as Go's HTTP server and {@code NewRequest} do: the escaped path without its
 *       leading {@code /} is first tried whole as the remote URL, otherwise its first segment is the
 *       options and the rest the remote URL; a remote URL may be raw (the proxy's query string then
 *       becomes its query), unpadded URL-safe base64 of an {@code http://} or {@code https://} URL, or
 *       percent-encoded ({@code https?%3A%2F}, any case); {@code http:/x} and {@code http:///x} are
 *       repaired to {@code http://x}. Anything the server answers 400 to is {@link Rejection#MALFORMED}
 *       (400).</li>
 *   <li>{@code vu} set and the clock at or past it: {@link Rejection#EXPIRED}, before any signature
 *       check (answered 403, as the server does).</li>
 *   <li>Referrers configured and the referrer's host not among them, or the remote host among the denied
 *       hosts: {@link Rejection#HOST_NOT_ALLOWED} (403).</li>
 *   <li>No allowed hosts and no keys: accepted. Remote host among the allowed hosts: accepted.</li>
 *   <li>For each key in order: the signature over the URL alone, then over URL{@code #}options: accepted;
 *       otherwise {@link Rejection#BAD_SIGNATURE} (403).</li>
 * </ol>
 *
 * <p>Where we deviate from the server, for safety: a signature over the URL alone is accepted only for a
 * request that carries no options (the server accepts it with any options, which lets a client change
 * {@code vu} and the size; opt in with {@link Builder#acceptUrlOnlySignaturesWithOptions}), and never for a
 * remote URL that carries a fragment (the server's check lets a signature over URL and options authorise
 * the request {@code /<any options>,s<sig>/<base64 of URL#options>}). {@link Builder#requireSignedOptions}
 * refuses URL-only signatures altogether. A request target holding a raw control character or space is
 * {@link Rejection#MALFORMED}: no HTTP server delivers one.
 *
 * <p>Host matching deviates from the server's raw string comparison, which {@code EVIL.example},
 * {@code evil.example.} and {@code 010.0.0.1} bypass: entries (checked when configured) and the remote
 * host are both read as a browser reads a host (WHATWG host parsing: ASCII case-insensitive, IDNA to
 * punycode, every IPv4 number form, IPv6 compressed; trailing dots removed). An entry is a host name, an
 * IP address (also matching its IPv4-mapped IPv6 form), {@code *.example.com} (the name and its
 * subdomains; in a deny list also {@code badexample.com}, as on the server) or a CIDR network
 * ({@code 10.0.0.0/8}). A remote host that is not a valid host is refused while hosts are denied and
 * matches no allowed host or referrer. Names are never resolved: a name that resolves to a denied address
 * is not seen.
 *
 * <p>Given the signer's {@link Builder#baseUrl(String) base URL}, it accepts exactly what the signer
 * returned: the base URL is removed when the input starts with it, byte for byte, followed by {@code /} or
 * {@code ?}. Anything else is decided as before: a target starting with {@code /}, or an absolute-form
 * target ({@code https://any.host/...}), which Go's server accepts whatever its host.
 *
 * <p>Never throws; the target length is checked first and all later work is linear in it. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class ImageproxyVerifier implements UrlVerifier<ImageproxyRequest> {
    /** Default upper bound on the request target length. */
    public static final int DEFAULT_MAX_LENGTH = 8192;

    /** The canonical form of options that change nothing: the only ones a URL-only signature covers by default. */
    private static final String NO_OPTIONS = ImageproxyOptions.NONE.canonicalWithoutSignature();
    private static final int SERVER_FORBIDDEN = 403;
    private static final int MAC_LENGTH = HmacAlgorithm.SHA256.macLength();

    private final HmacKeyRing ring; // null without keys
    private final KeySet keys;
    private final boolean requireSignedOptions;
    private final boolean urlOnlyWithOptions;
    private final HostList allowHosts;
    private final HostList denyHosts;
    private final HostList referrers;
    private final Clock clock;
    private final int maxLength;
    private final String baseUrl;
    /** Whether {@link PlainUrl}'s fast path may decide: keys and no host lists. */
    private final boolean plainPathApplies;

    private ImageproxyVerifier(Builder b) {
        this.keys = b.keys;
        this.ring = b.keys == null ? null : HmacKeyRing.of(HmacAlgorithm.SHA256, b.keys);
        this.requireSignedOptions = b.requireSignedOptions;
        this.urlOnlyWithOptions = b.urlOnlyWithOptions;
        this.allowHosts = b.allowHosts;
        this.denyHosts = b.denyHosts;
        this.referrers = b.referrers;
        this.clock = b.clock;
        this.maxLength = b.maxLength;
        this.baseUrl = b.baseUrl == null ? "" : b.baseUrl;
        this.plainPathApplies = ring != null && allowHosts.isEmpty() && denyHosts.isEmpty() && referrers.isEmpty();
    }

    /**
     * A builder for a verifier accepting signatures by any of {@code keys}, tried in order (the server's
     * {@code -signatureKey}s).
     *
     * @param keys the shared secrets accepted
     * @return a builder without host lists
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(Settings.required(keys, "keys"));
    }

    /**
     * A builder for a verifier of a server that checks no signatures: it then needs
     * {@link Builder#allowHosts allowed hosts} (served without a signature, everything else refused) or
     * {@link Builder#acceptUnsignedRequests()}.
     *
     * @return a builder without keys or host lists
     */
    public static Builder builderWithoutKeys() {
        return new Builder(null);
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
     * Verifies a request with its {@code Referer} header, which matters only when referrers are configured
     * ({@link #verify(String)} verifies a bare target as a request without {@code Referer}).
     *
     * @param request the raw path and {@code ?query} as received (see {@link UrlVerifier#verify}), or the
     *     configured {@link Builder#baseUrl(String) base URL} followed by them; and the
     *     {@code Referer} header
     * @return the remote URL (as the server rebuilds it, without fragment) and options, or a rejection
     *     ({@link Rejection#MALFORMED} for {@code null})
     */
    @Override
    public Verification<ImageproxyRequest> verify(ProxyRequest request) {
        if (request == null) {
            return Verification.rejected(Rejection.MALFORMED, "no request");
        }
        String referer = request.referer().orElse(null);
        String requestTarget = SignedUrls.requestTarget(request.target(), baseUrl);
        // A plain target holds no control character or space, so within the length caps refuseUnreadable
        // has nothing to say about it: the fast path is tried first and saves that scan.
        if (plainPathApplies && requestTarget.length() <= maxLength
                && (referer == null || referer.length() <= maxLength)) {
            int remoteStart = PlainUrl.remoteStart(requestTarget);
            Verification<ImageproxyRequest> plain = remoteStart < 0 ? null : verifyPlain(requestTarget, remoteStart);
            if (plain != null) {
                return plain;
            }
        }
        Verification<ImageproxyRequest> refused = refuseUnreadable(requestTarget, referer);
        if (refused != null) {
            return refused;
        }
        return verifyParsed(requestTarget, referer);
    }

    /** {@link #verify(ProxyRequest)} without the fast path: the reference it is tested against. */
    Verification<ImageproxyRequest> verifyReference(String input, String referer) {
        if (input == null) {
            return verify((ProxyRequest) null);
        }
        String requestTarget = SignedUrls.requestTarget(input, baseUrl);
        Verification<ImageproxyRequest> refused = refuseUnreadable(requestTarget, referer);
        return refused != null ? refused : verifyParsed(requestTarget, referer);
    }

    /** The shared opening (too long, raw control or space), and the Referer length cap; else null. */
    private Verification<ImageproxyRequest> refuseUnreadable(String requestTarget, String referer) {
        // Go's request parsing lets a raw space through; no HTTP server delivers one in a request line.
        Verification<ImageproxyRequest> refused = SignedUrls.refuseUnreadable(requestTarget, maxLength);
        if (refused == null && referer != null && referer.length() > maxLength) {
            return Verification.rejected(Rejection.TOO_LONG, "Referer longer than " + maxLength + " characters");
        }
        return refused;
    }

    /** The server's parsing and checks, for a target {@link #refuseUnreadable} let through. */
    private Verification<ImageproxyRequest> verifyParsed(String requestTarget, String referer) {
        GoServer.Parsed parsed = GoServer.newRequest(GoUrl.bytes(requestTarget));
        if (parsed.error() != null) {
            return Verification.rejected(Rejection.MALFORMED, parsed.error());
        }
        GoUrl remote = parsed.remote();
        ImageproxyOptions options = parsed.options();

        if (options.validUntil() != 0 && expired(options.validUntil())) {
            return Verification.rejected(Rejection.EXPIRED, "vu " + options.validUntil() + " has passed",
                    SERVER_FORBIDDEN);
        }
        if (!referrers.isEmpty()) {
            GoUrl ref = GoUrl.parse(GoUrl.bytes(referer == null ? "" : referer));
            String refHost = ref == null ? null : HostList.canonicalHost(ref);
            if (refHost == null || !referrers.matches(refHost)) {
                return Verification.rejected(Rejection.HOST_NOT_ALLOWED, "referrer not allowed");
            }
        }
        String host = denyHosts.isEmpty() && allowHosts.isEmpty() ? null : HostList.canonicalHost(remote);
        if (!denyHosts.isEmpty()) {
            if (host == null) {
                return Verification.rejected(Rejection.HOST_NOT_ALLOWED,
                        "remote host is not a valid host name or address (refused while hosts are denied)");
            }
            if (denyHosts.matches(host)) {
                return Verification.rejected(Rejection.HOST_NOT_ALLOWED, "remote host is denied");
            }
        }
        if (allowHosts.isEmpty() && ring == null) {
            return hasHostName(remote) ? Verification.acceptedWithoutKey(new ImageproxyRequest(fetchedUrl(remote),
                    options)) : refusedWithoutHost();
        }
        if (host != null && allowHosts.matches(host)) {
            return Verification.acceptedWithoutKey(new ImageproxyRequest(fetchedUrl(remote), options));
        }
        if (ring != null) {
            int key = validSignature(remote, options);
            if (key >= 0) {
                return hasHostName(remote) ? Verification.accepted(new ImageproxyRequest(fetchedUrl(remote), options),
                        keys, key) : refusedWithoutHost();
            }
        }
        return Verification.rejected(Rejection.BAD_SIGNATURE,
                ring == null ? "remote host not allowed and no keys configured" : "signature does not match");
    }

    /**
     * A plain target (see {@link PlainUrl#remoteStart}) under the configuration {@link #plainPathApplies}
     * admits: keys and no host lists, so only the expiry and the signature decide. Null when the options
     * are not plain: the full path decides.
     */
    private Verification<ImageproxyRequest> verifyPlain(String target, int remoteStart) {
        ImageproxyOptions options = ImageproxyOptions.parse(target, 1, remoteStart - 1);
        int hash = target.length() - remoteStart;
        byte[] message = PlainUrl.message(target, remoteStart, options);
        if (!PlainUrl.plainOptions(message, hash)) {
            return null;
        }
        if (options.validUntil() != 0 && expired(options.validUntil())) {
            return Verification.rejected(Rejection.EXPIRED, "vu " + options.validUntil() + " has passed",
                    SERVER_FORBIDDEN);
        }
        String signature = options.signature();
        // The signer's shape is compared with each MAC as it stands; any other is decoded as Go decodes it.
        boolean shaped = signerShape(signature);
        byte[] got = shaped ? null : decodeSignature(signature);
        if (shaped || got != null) {
            // A plain URL has no '#', so only the options decide whether a URL-only signature counts.
            boolean urlOnly = !requireSignedOptions && (urlOnlyWithOptions || PlainUrl.noOptions(message, hash));
            int key = matchingKey(message, urlOnly ? hash : -1, signature, got);
            if (key >= 0) {
                return Verification.accepted(new ImageproxyRequest(target.substring(remoteStart), options), keys, key);
            }
        }
        return Verification.rejected(Rejection.BAD_SIGNATURE, "signature does not match");
    }

    /**
     * Whether the remote URL names a host to fetch from. The server fetches whatever passed its checks: Go's
     * client fails on an opaque or empty host (500), and dials its own machine for {@code http://:80/}.
     */
    private static boolean hasHostName(GoUrl remote) {
        return remote.opaque().isEmpty() && !remote.hostname().isEmpty();
    }

    private static Verification<ImageproxyRequest> refusedWithoutHost() {
        return Verification.rejected(Rejection.TARGET_REFUSED, "remote URL has no host name", SERVER_FORBIDDEN);
    }

    private boolean expired(long validUntil) {
        return GoTime.expired(validUntil, clock.instant().getEpochSecond());
    }

    private static String fetchedUrl(GoUrl remote) {
        GoUrl u = remote.copy();
        u.clearFragment();
        return GoUrl.text(u.toString());
    }

    /** The index of the first key whose signature matches, or -1. */
    private int validSignature(GoUrl remote, ImageproxyOptions options) {
        byte[] got = decodeSignature(options.signature());
        if (got == null || got.length != MAC_LENGTH) {
            return -1; // no MAC can equal it: none is computed
        }
        // The URL-only message is needed only where a URL-only signature may be accepted.
        String urlMessage = remote.toString();
        byte[] urlOnly = urlOnlyAccepted(urlMessage, options) ? GoUrl.raw(urlMessage) : null;
        GoUrl withOptions = remote.copy();
        withOptions.setFragment(options.canonicalWithoutSignature());
        byte[] urlAndOptions = GoUrl.raw(withOptions.toString());
        return matchingKey(urlOnly, urlAndOptions, got);
    }

    /** The index of the first key that signed {@code urlOnly} (when not null) or {@code urlAndOptions}, or -1. */
    private int matchingKey(byte[] urlOnly, byte[] urlAndOptions, byte[] got) {
        for (int i = 0; i < ring.size(); i++) {
            Hmac hmac = ring.hmac(i);
            if (urlOnly != null && hmac.matches(urlOnly, got)) {
                return i;
            }
            if (hmac.matches(urlAndOptions, got)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@link #matchingKey(byte[], byte[], byte[])} of {@code message[0, urlOnly)} (unless {@code urlOnly}
     * is negative) and the whole {@code message}, against {@code got} or, when it is null, the signature
     * text in the signer's shape.
     */
    private int matchingKey(byte[] message, int urlOnly, String signature, byte[] got) {
        for (int i = 0; i < ring.size(); i++) {
            Hmac hmac = ring.hmac(i);
            if (urlOnly >= 0 && signs(hmac.mac(message, 0, urlOnly), signature, got)) {
                return i;
            }
            if (signs(hmac.mac(message), signature, got)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean signs(byte[] mac, String signature, byte[] got) {
        return got != null ? ConstantTime.equals(mac, got) : signerShapeEquals(signature, mac);
    }

    /**
     * Whether a signature over the URL alone may authorise this request. Never when the URL-only message
     * holds a {@code #} (a fragment decoded from a base64 or percent-encoded remote URL, or a raw {@code #}
     * in the query): {@code URL#options} is exactly the message of a signature over URL and options, so the
     * server's check would let such a signature authorise any other options. Otherwise only when the request
     * carries no options, unless URL-only signatures with free options are explicitly accepted.
     */
    private boolean urlOnlyAccepted(String urlMessage, ImageproxyOptions options) {
        if (requireSignedOptions || urlMessage.indexOf('#') >= 0) {
            return false;
        }
        return urlOnlyWithOptions || options.canonicalWithoutSignature().equals(NO_OPTIONS);
    }

    /**
     * The signature option's bytes as the server reads them: padded with {@code =} to a multiple of 4,
     * then URL-safe base64 in Go's lenient mode. Null when the server fails to decode it.
     */
    static byte[] decodeSignature(String signature) {
        byte[] mac = decodeSignerShape(signature);
        if (mac != null) {
            return mac;
        }
        byte[] sig = signature.getBytes(StandardCharsets.UTF_8);
        return GoBase64.decodeUrlPadded(sig, 0, sig.length);
    }

    /** URL-safe base64 digit values, -1 for other chars. */
    private static final byte[] BASE64_VALUES = new byte[128];

    static {
        java.util.Arrays.fill(BASE64_VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64_VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    /**
     * The 32 bytes of a signature in the signer's shape (43 base64 digits and {@code =}), four digits at a
     * time, as Go's lenient decoder reads it (the last digit's two spare bits ignored); null for any other
     * shape, which {@link GoBase64} decodes. Tested equal to it.
     */
    static byte[] decodeSignerShape(String signature) {
        if (signature.length() != 44 || signature.charAt(43) != '=') {
            return null;
        }
        byte[] out = new byte[32];
        int n = 0;
        for (int i = 0; i < 40; i += 4) {
            int v = digit(signature.charAt(i)) << 18 | digit(signature.charAt(i + 1)) << 12
                    | digit(signature.charAt(i + 2)) << 6 | digit(signature.charAt(i + 3));
            if (v < 0) {
                return null;
            }
            out[n++] = (byte) (v >> 16);
            out[n++] = (byte) (v >> 8);
            out[n++] = (byte) v;
        }
        int v = digit(signature.charAt(40)) << 12 | digit(signature.charAt(41)) << 6 | digit(signature.charAt(42));
        if (v < 0) {
            return null;
        }
        out[30] = (byte) (v >> 10);
        out[31] = (byte) (v >> 2);
        return out;
    }

    /** Whether {@code signature} has the signer's shape: 43 base64 digits and {@code =}. */
    static boolean signerShape(String signature) {
        if (signature.length() != 44 || signature.charAt(43) != '=') {
            return false;
        }
        int all = 0;
        for (int i = 0; i < 43; i++) {
            all |= digit(signature.charAt(i));
        }
        return all >= 0;
    }

    /**
     * Whether a signature in the {@link #signerShape} decodes to {@code mac} (32 bytes), as
     * {@link #decodeSignerShape} decodes it; compared in constant time over the bytes, without decoding it
     * into an array.
     */
    static boolean signerShapeEquals(String signature, byte[] mac) {
        int diff = 0;
        for (int i = 0, n = 0; i < 40; i += 4, n += 3) {
            int v = digit(signature.charAt(i)) << 18 | digit(signature.charAt(i + 1)) << 12
                    | digit(signature.charAt(i + 2)) << 6 | digit(signature.charAt(i + 3));
            diff |= (v >> 16 ^ mac[n]) & 0xff | (v >> 8 ^ mac[n + 1]) & 0xff | (v ^ mac[n + 2]) & 0xff;
        }
        int v = digit(signature.charAt(40)) << 12 | digit(signature.charAt(41)) << 6 | digit(signature.charAt(42));
        diff |= (v >> 10 ^ mac[30]) & 0xff | (v >> 2 ^ mac[31]) & 0xff;
        return diff == 0;
    }

    /** The digit's value, or a negative number that stays negative when shifted and or-ed. */
    private static int digit(char c) {
        return c < 128 ? BASE64_VALUES[c] : -1;
    }

    /** Whether the URL's host is among the allowed hosts (for tests). */
    boolean allowedHost(GoUrl url) {
        String host = HostList.canonicalHost(url);
        return host != null && allowHosts.matches(host);
    }

    /** Whether the URL's host is refused by the denied hosts (for tests): denied, or not a valid host. */
    boolean deniedHost(GoUrl url) {
        String host = HostList.canonicalHost(url);
        return !denyHosts.isEmpty() && (host == null || denyHosts.matches(host));
    }

    @Override
    public String toString() {
        return "ImageproxyVerifier[keys=" + keys + ", requireSignedOptions=" + requireSignedOptions
                + ", acceptUrlOnlySignaturesWithOptions=" + urlOnlyWithOptions + ", allowHosts="
                + allowHosts.size() + ", denyHosts=" + denyHosts.size() + ", referrers=" + referrers.size()
                + ", maxLength=" + maxLength + "]";
    }

    /** Configures an {@link ImageproxyVerifier}. */
    public static final class Builder extends ImageproxySettings<Builder> {
        private boolean requireSignedOptions;
        private boolean urlOnlyWithOptions;
        private HostList allowHosts = HostList.empty(HostList.Wildcard.LABEL_BOUNDARY);
        private HostList denyHosts = HostList.empty(HostList.Wildcard.ANY_SUFFIX);
        private HostList referrers = HostList.empty(HostList.Wildcard.LABEL_BOUNDARY);
        private int maxLength = DEFAULT_MAX_LENGTH;
        private boolean acceptAll;

        private Builder(KeySet keys) {
            super(keys);
        }

        /**
         * Refuse signatures over the URL alone altogether, even for requests without options (default
         * {@code false}: by default a URL-only signature is accepted only for a request that carries no
         * options, see {@link #acceptUrlOnlySignaturesWithOptions}).
         *
         * @param require {@code true} to refuse every URL-only signature
         * @return this builder
         */
        public Builder requireSignedOptions(boolean require) {
            this.requireSignedOptions = require;
            return this;
        }

        /**
         * Accept a signature over the URL alone for a request with any options, as the server does
         * (default {@code false}). Insecure, for links made by {@code imageproxy-sign -url} only: a URL-only
         * signature then lets any client change every option, {@code vu} included, so it can ask for any
         * size or make an expiring link permanent. By default a URL-only signature is accepted only for a
         * request without options. Either way a URL-only signature never covers a remote URL that carries
         * a fragment (browsers never send one; the server's check lets it forge the options of a link
         * signed over URL and options). Cannot be combined with {@link #requireSignedOptions(boolean)
         * requireSignedOptions(true)}.
         *
         * @param accept {@code true} to accept URL-only signatures whatever the options
         * @return this builder
         */
        public Builder acceptUrlOnlySignaturesWithOptions(boolean accept) {
            this.urlOnlyWithOptions = accept;
            return this;
        }

        /**
         * Remote hosts served without a signature (the server's {@code -allowHosts}): host names, IP
         * addresses, {@code *.example.com} (the name and its subdomains; unlike the server, not
         * {@code badexample.com}) or CIDR networks ({@code 10.0.0.0/8}). Entries and request hosts are
         * compared as browsers resolve them (see the class comment). Adds to earlier calls.
         *
         * @param hosts the entries to add
         * @return this builder
         * @throws IllegalArgumentException if an entry is not a valid host, wildcard or CIDR
         */
        public Builder allowHosts(Collection<String> hosts) {
            allowHosts = allowHosts.plus(HostList.of("allowHosts", Settings.required(hosts, "allowHosts"),
                    HostList.Wildcard.LABEL_BOUNDARY));
            return this;
        }

        /**
         * Remote hosts never served, even when signed (the server's {@code -denyHosts}); entries as for
         * {@link #allowHosts}, except that {@code *.example.com} also denies {@code badexample.com}, as on
         * the server. A remote host that is not a valid host is refused too (fail closed). Adds to earlier
         * calls.
         *
         * @param hosts the entries to add
         * @return this builder
         * @throws IllegalArgumentException if an entry is not a valid host, wildcard or CIDR
         */
        public Builder denyHosts(Collection<String> hosts) {
            denyHosts = denyHosts.plus(HostList.of("denyHosts", Settings.required(hosts, "denyHosts"),
                    HostList.Wildcard.ANY_SUFFIX));
            return this;
        }

        /**
         * Hosts a request's {@code Referer} must name (the server's {@code -referrers}), entries as for
         * {@link #allowHosts}; checked by {@link ImageproxyVerifier#verify(ProxyRequest)}. A missing or
         * unparsable header, or one whose host is not valid, fails. Adds to earlier calls.
         *
         * @param hosts the entries to add
         * @return this builder
         * @throws IllegalArgumentException if an entry is not a valid host, wildcard or CIDR
         */
        public Builder referrers(Collection<String> hosts) {
            referrers = referrers.plus(HostList.of("referrers", Settings.required(hosts, "referrers"),
                    HostList.Wildcard.LABEL_BOUNDARY));
            return this;
        }

        /**
         * The longest request target (and {@code Referer}) verified; longer ones are
         * {@link Rejection#TOO_LONG}. Default {@value #DEFAULT_MAX_LENGTH}.
         *
         * @param maxLength the limit in characters, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code maxLength} is below 1
         */
        public Builder maxLength(int maxLength) {
            Settings.check(maxLength >= 1, "maxLength", "must be positive, got " + maxLength);
            this.maxLength = maxLength;
            return this;
        }

        /**
         * Allow building a verifier with neither keys nor allowed hosts, which accepts every request
         * (as the server does when so configured). Without this call such a configuration is refused.
         *
         * @return this builder
         */
        public Builder acceptUnsignedRequests() {
            this.acceptAll = true;
            return this;
        }

        /**
         * The verifier.
         *
         * @return a verifier with this builder's settings
         * @throws IllegalArgumentException if both {@code requireSignedOptions} and
         *     {@code acceptUrlOnlySignaturesWithOptions} are set, or if a builder without keys has neither
         *     allowed hosts nor {@link #acceptUnsignedRequests()}
         */
        public ImageproxyVerifier build() {
            Settings.check(!(requireSignedOptions && urlOnlyWithOptions),
                    "requireSignedOptions, acceptUrlOnlySignaturesWithOptions",
                    "requireSignedOptions refuses every URL-only signature; it cannot be combined with "
                            + "acceptUrlOnlySignaturesWithOptions");
            Settings.check(keys != null || !allowHosts.isEmpty() || acceptAll, "allowHosts",
                    "an imageproxy verifier without keys needs allowed hosts (or acceptUnsignedRequests() to "
                            + "accept everything, as an unconfigured server does)");
            return new ImageproxyVerifier(this);
        }
    }
}
