package dev.imgsign.imageproxy;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.internal.UrlSafeBase64;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.peer.go.GoTime;
import dev.imgsign.peer.go.GoUrl;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/**
 * Signs willnorris/imageproxy URLs: {@code <base>/<options,s<signature>>/<remote url>}.
 *
 * <p>The signature is the padded URL-safe base64 of HMAC-SHA256 under the primary key of the message the
 * server rebuilds: the remote URL as Go's {@code net/url} parses and prints it, followed by
 * {@code #<canonical options without signature>} unless the signer signs the URL only. The URL is first
 * put in the form the server will receive (see {@link #sign(String, ImageproxyOptions)}); the message is
 * then computed by running this module's emulation of the server's request parsing on the URL it emits,
 * so the MAC covers exactly what the server will check. For the common URL with a plain host (see
 * {@code PlainUrl}) both steps are done in one pass, tested equal to the full emulation.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ImageproxySigner implements UrlSigner<ImageproxyRequest> {
    /** How the remote URL is written into the proxy URL. */
    public enum RemoteUrlForm {
        /** As a URL ({@code /100x100,s…/https://example.com/a.jpg?x=1}); readable, the default. */
        RAW,
        /**
         * As unpadded URL-safe base64 of the URL, which survives proxies and frameworks that collapse
         * {@code //} or decode paths. Requires an imageproxy version that accepts base64 remote URLs.
         */
        BASE64
    }

    private static final Base64.Encoder SIGNATURE_ENCODER = Base64.getUrlEncoder();
    private static final Base64.Encoder REMOTE_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final HmacKeyRing ring;
    private final String baseUrl;
    private final boolean signOptions;
    private final RemoteUrlForm form;
    private final Clock clock;
    /** Whether the base URL is ASCII, so that {@link #signPlain} may write it as bytes. */
    private final boolean asciiBase;

    private ImageproxySigner(Builder b) {
        this.ring = HmacKeyRing.of(HmacAlgorithm.SHA256, b.keys);
        this.baseUrl = b.baseUrl;
        this.signOptions = b.signOptions;
        this.form = b.form;
        this.clock = b.clock;
        this.asciiBase = b.baseUrl.chars().allMatch(c -> c < 0x80);
    }

    /**
     * A builder for a signer whose primary key signs; the base URL is required.
     *
     * @param keys the shared secrets; only the primary one signs
     * @return a builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(keys);
    }

    /** {@link #sign(String, ImageproxyOptions)} of the request's URL and options. */
    @Override
    public String sign(ImageproxyRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
        return sign(request.remoteUrl(), request.options());
    }

    /**
     * The full proxy URL {@code <base>/<options with s<signature>>/<remote>}.
     *
     * <p>The remote URL is normalised as the server will see it: parsed and printed by Go's rules (scheme
     * lowercased, non-ASCII and unsafe bytes of host and path percent-escaped, the path's own valid
     * escapes kept), its fragment dropped (browsers never send it), a trailing empty {@code ?} dropped
     * (the server loses it), and bytes of the query that HTTP clients would escape themselves
     * (controls, space, non-ASCII, {@code " ' < > \ ^ ` { | }}) percent-escaped, so that what a browser
     * sends is what was signed. Any signature in {@code options} is replaced.
     *
     * @param remoteUrl the absolute http(s) URL of the image
     * @param options the options to sign with the URL (unless the signer signs the URL only)
     * @return the signed proxy URL
     * @throws IllegalArgumentException if the URL is null, relative, not http(s), has no host, or has a
     *     host with characters no client can send ({@code " < >}); or if the options' {@code vu} is not
     *     after the signer's clock, or so far in the future that the server's time arithmetic wraps it
     *     and it counts as long past (the link would be dead on arrival)
     */
    public String sign(String remoteUrl, ImageproxyOptions options) {
        if (asciiBase && remoteUrl != null && options != null && form == RemoteUrlForm.RAW
                && PlainUrl.plainOptions(options.canonicalWithoutSignature())) {
            long changes = PlainUrl.changes(remoteUrl);
            if (changes >= 0) {
                checkValidUntil(options.validUntil());
                int length = changes == 0 ? remoteUrl.length() : PlainUrl.normalisedLength(changes);
                return signPlain(remoteUrl, (int) changes & PlainUrl.CHANGES, length,
                        options.canonicalWithoutSignature());
            }
        }
        Prepared p = prepareParsed(remoteUrl, options);
        return baseUrl + "/" + options.textWithSignature(p.signature) + "/" + p.emitted;
    }

    /** The length of a padded base64 HMAC-SHA256. */
    private static final int SIGNATURE_LENGTH = 44;

    /**
     * The proxy URL for a URL the fast path normalises (its {@code PlainUrl.changes}, and the length of
     * its normalised form) and plain options, written into one array, which ends with the message
     * ({@code url#options}, or the URL alone) so that it is MACed in place: one copy of the URL besides
     * the returned string.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies ASCII chars as they are
    private String signPlain(String url, int changes, int urlLength, String canonical) {
        int base = baseUrl.length();
        int c = canonical.length();
        int optionsAt = base + 1;
        int urlAt = optionsAt + c + 2 + SIGNATURE_LENGTH + 1;
        int outputLength = urlAt + urlLength;
        byte[] out = new byte[outputLength + (signOptions ? 1 + c : 0)];
        baseUrl.getBytes(0, base, out, 0);
        out[base] = '/';
        out[urlAt - 1] = '/';
        if (changes == 0) {
            url.getBytes(0, urlLength, out, urlAt);
        } else {
            PlainUrl.rewrite(url, changes, out, urlAt);
        }
        if (signOptions) {
            out[outputLength] = '#';
            canonical.getBytes(0, c, out, outputLength + 1);
        }
        byte[] mac = ring.hmac(0).mac(out, urlAt, out.length - urlAt);
        // The signature token goes where the sort puts it: canonical[0, at) s<signature> , canonical[at, c).
        int sigAt = optionsAt + 1;
        encodeSignature(mac, out, sigAt);
        int at = ImageproxyOptions.signatureTokenAt(canonical, out, sigAt, SIGNATURE_LENGTH);
        if (at > c) { // after the last token
            System.arraycopy(out, sigAt, out, optionsAt + c + 2, SIGNATURE_LENGTH);
            canonical.getBytes(0, c, out, optionsAt);
            out[optionsAt + c] = ',';
            out[optionsAt + c + 1] = 's';
        } else {
            System.arraycopy(out, sigAt, out, optionsAt + at + 1, SIGNATURE_LENGTH);
            canonical.getBytes(0, at, out, optionsAt);
            out[optionsAt + at] = 's';
            out[optionsAt + at + 1 + SIGNATURE_LENGTH] = ',';
            canonical.getBytes(at, c, out, optionsAt + at + 2 + SIGNATURE_LENGTH);
        }
        return new String(out, 0, outputLength, StandardCharsets.ISO_8859_1);
    }

    /** Padded URL-safe base64 of the 32-byte {@code mac} into {@code out[at, at + 44)}, as {@link #SIGNATURE_ENCODER}. */
    static void encodeSignature(byte[] mac, byte[] out, int at) {
        out[UrlSafeBase64.encode(mac, 0, mac.length, out, at)] = '=';
    }

    /**
     * The remote URL as emitted when the fast path applies (raw form, a plain URL after normalisation and
     * plain options: the server's parsing then leaves it as it is), else null.
     */
    private String plainUrl(String remoteUrl, ImageproxyOptions options) {
        if (remoteUrl == null || options == null || form != RemoteUrlForm.RAW) {
            return null;
        }
        String normalised = PlainUrl.normalise(remoteUrl);
        return normalised != null && PlainUrl.plainOptions(options.canonicalWithoutSignature()) ? normalised : null;
    }

    /** {@link #sign(String, ImageproxyOptions)} without the fast path: the reference it is tested against. */
    String signReference(String remoteUrl, ImageproxyOptions options) {
        Prepared p = prepareParsed(remoteUrl, options);
        return baseUrl + "/" + options.withSignature(p.signature).toString() + "/" + p.emitted;
    }

    /**
     * The signature alone, padded URL-safe base64 (44 characters), as {@code imageproxy-sign} prints it
     * for URLs the normalisation described at {@link #sign(String, ImageproxyOptions)} leaves unchanged.
     *
     * @param remoteUrl the absolute http(s) URL of the image
     * @param options the options to sign with the URL (unless the signer signs the URL only)
     * @return the signature, 44 characters
     * @throws IllegalArgumentException as {@link #sign(String, ImageproxyOptions)}
     */
    public String signature(String remoteUrl, ImageproxyOptions options) {
        return prepare(remoteUrl, options).signature;
    }

    /** The exact bytes MACed, as text (for tests and debugging; contains no secret). */
    String message(String remoteUrl, ImageproxyOptions options) {
        return GoUrl.text(new String(prepare(remoteUrl, options).message, StandardCharsets.ISO_8859_1));
    }

    /**
     * Whether the options are signed along with the URL.
     *
     * @return {@code false} if only the remote URL is signed
     */
    public boolean signsOptions() {
        return signOptions;
    }

    private static final class Prepared {
        final String emitted;
        final byte[] message;
        final String signature;

        Prepared(String emitted, byte[] message, String signature) {
            this.emitted = emitted;
            this.message = message;
            this.signature = signature;
        }
    }

    private Prepared prepare(String remoteUrl, ImageproxyOptions options) {
        String normalised = plainUrl(remoteUrl, options);
        if (normalised != null) {
            // The server's parsing leaves a plain URL as it is: it is emitted and MACed as normalised.
            checkValidUntil(options.validUntil());
            String text = signOptions ? normalised + "#" + options.canonicalWithoutSignature() : normalised;
            byte[] message = text.getBytes(StandardCharsets.ISO_8859_1);
            return new Prepared(normalised, message, SIGNATURE_ENCODER.encodeToString(ring.sign(message)));
        }
        return prepareParsed(remoteUrl, options);
    }

    private Prepared prepareParsed(String remoteUrl, ImageproxyOptions options) {
        if (remoteUrl == null) {
            throw new IllegalArgumentException("remote URL must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (use ImageproxyOptions.NONE)");
        }
        checkValidUntil(options.validUntil());
        GoUrl u = GoUrl.parse(GoUrl.bytes(remoteUrl));
        if (u == null) {
            throw new IllegalArgumentException("remote URL is not a valid URL: " + shorten(remoteUrl));
        }
        if (!u.scheme().equals("http") && !u.scheme().equals("https")) {
            throw new IllegalArgumentException("remote URL must be an absolute http or https URL: " + shorten(remoteUrl));
        }
        if (!u.opaque().isEmpty() || u.hostname().isEmpty()) {
            throw new IllegalArgumentException("remote URL has no host: " + shorten(remoteUrl));
        }
        u.clearFragment();
        u.setForceQuery(false);
        u.setRawQuery(escapeQueryForTransport(u.rawQuery()));
        String normalised = u.toString();
        String emitted;
        if (form == RemoteUrlForm.RAW) {
            for (int i = 0; i < normalised.length(); i++) {
                if (!sendable(normalised.charAt(i))) {
                    throw new IllegalArgumentException("remote URL host contains '" + normalised.charAt(i)
                            + "', which clients escape and the server then refuses: " + shorten(remoteUrl));
                }
            }
            emitted = normalised;
        } else {
            emitted = REMOTE_ENCODER.encodeToString(GoUrl.raw(normalised));
        }
        // Rebuild the remote URL exactly as the server will, from the request target it will receive.
        GoServer.Parsed parsed = GoServer.newRequest("/0x0/" + emitted);
        if (parsed.error() != null) {
            throw new IllegalArgumentException("imageproxy would refuse this remote URL (" + parsed.error() + "): "
                    + shorten(remoteUrl));
        }
        String message = parsed.remote().toString();
        if (signOptions) {
            message = message + "#" + options.canonicalWithoutSignature();
        }
        byte[] bytes = GoUrl.raw(message);
        return new Prepared(emitted, bytes, SIGNATURE_ENCODER.encodeToString(ring.sign(bytes)));
    }

    /** Refuses a {@code vu} the server would already treat as passed. */
    private void checkValidUntil(long validUntil) {
        if (validUntil == 0) {
            return;
        }
        if (GoTime.wraps(validUntil)) {
            throw new IllegalArgumentException("options vu" + validUntil + " is too far in the future: imageproxy's "
                    + "time arithmetic wraps it and refuses the link as expired (use a vu before "
                    + (Long.MAX_VALUE - GoTime.UNIX_TO_INTERNAL + 1) + ")");
        }
        long now = clock.instant().getEpochSecond();
        if (GoTime.expired(validUntil, now)) {
            throw new IllegalArgumentException("options vu" + validUntil + " is not in the future (now " + now
                    + "): imageproxy would refuse the link as expired");
        }
    }

    /** Characters HTTP clients send as they are (RFC 3986 unreserved, reserved and {@code %}). */
    private static boolean sendable(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
    }

    /** Percent-escapes the query bytes that browsers and HTTP clients would escape on their own. */
    static String escapeQueryForTransport(String query) {
        StringBuilder out = null;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            boolean escape = c <= 0x20 || c >= 0x7f || "\"'<>\\^`{|}".indexOf(c) >= 0;
            if (escape && out == null) {
                out = new StringBuilder(query.length() + 16).append(query, 0, i);
            }
            if (out != null) {
                if (escape) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? query : out.toString();
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    @Override
    public String toString() {
        return "ImageproxySigner[base=" + baseUrl + ", signOptions=" + signOptions + ", form=" + form + ", clock="
                + clock + ", keys="
                + ring.keys() + "]";
    }

    /** Configures an {@link ImageproxySigner}; {@link #baseUrl(String) baseUrl} is required. */
    public static final class Builder extends ImageproxySettings<Builder> {
        private boolean signOptions = true;
        private RemoteUrlForm form = RemoteUrlForm.RAW;

        private Builder(KeySet keys) {
            super(Settings.required(keys, "keys"));
        }

        /**
         * Whether to sign the options with the URL (default {@code true}). {@code false} signs the URL
         * only, as imageproxy-sign {@code -url} does: the server then lets any client change every option,
         * {@code vu} included, and our {@link ImageproxyVerifier} accepts such a link only without options
         * unless it is built with {@code acceptUrlOnlySignaturesWithOptions(true)}.
         *
         * @param signOptions {@code false} to sign the URL only
         * @return this builder
         */
        public Builder signOptions(boolean signOptions) {
            this.signOptions = signOptions;
            return this;
        }

        /**
         * How to write the remote URL into the proxy URL (default {@link RemoteUrlForm#RAW}).
         *
         * @param form the way to write the remote URL
         * @return this builder
         * @throws IllegalArgumentException if it is null
         */
        public Builder remoteUrlForm(RemoteUrlForm form) {
            this.form = Settings.required(form, "remoteUrlForm");
            return this;
        }

        /**
         * The signer.
         *
         * @return a signer with this builder's settings
         * @throws IllegalArgumentException if the base URL was not given
         */
        public ImageproxySigner build() {
            Settings.check(baseUrl != null, "baseUrl",
                    "an imageproxy signer needs the proxy's base URL (\"\" for path-only URLs)");
            return new ImageproxySigner(this);
        }
    }
}
