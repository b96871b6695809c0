package dev.imgsign.imgproxy;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.internal.Settings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs imgproxy processing URLs: {@code baseUrl + pathPrefix + "/" + signature + path}, where path is
 * {@code /options.../source} and the signature is the unpadded base64url of the first
 * {@link Builder#signatureSize(int) N} bytes of HMAC-SHA256(key, salt ‖ path) under the first
 * key/salt pair ({@link #builder(KeySet) key} and {@link Builder#salts salt}).
 *
 * <p>The source is written as base64url (unpadded, optionally {@link Builder#base64ChunkLength chunked}
 * with {@code /}, extension after {@code .}) by default, or with {@link SourceForm#PLAIN} as
 * {@code /plain/} + the source percent-escaped (extension after {@code @}). Only URLs the server accepts
 * are emitted: every signed path is checked against the v3 and v4 servers' own rewriting and parsing
 * ({@code %3A}, the greedy {@code scheme:/} repair, {@code @}/{@code .} splitting, resize-type and
 * {@code plain} segments) before it is returned. Where the plain form cannot survive &mdash; a {@code ?}
 * or {@code #} in the source (the server cuts the path at {@code ?}; clients drop {@code #}), or a
 * {@code :/x} the greedy repair would rewrite &mdash; the base64 form is used instead; where a chunked
 * base64 form would be misread, the unchunked one (and the plain one where even that reads as a
 * resize type, for example {@code /fill}). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ImgproxySigner implements UrlSigner<ImgproxyRequest> {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ImgproxyKeys keys;
    private final int signatureSize;
    private final String baseUrl;
    private final String pathPrefix;
    private final SourceForm sourceForm;
    private final int chunkLength;

    private ImgproxySigner(Builder b, ImgproxyKeys keys) {
        this.keys = keys;
        this.signatureSize = b.signatureSize;
        this.baseUrl = b.baseUrl;
        this.pathPrefix = b.pathPrefix;
        this.sourceForm = b.sourceForm;
        this.chunkLength = b.chunkLength;
    }

    /**
     * A builder signing with the first key of {@code keys} and the first of its {@link Builder#salts salts}.
     *
     * @param keys the imgproxy keys ({@code IMGPROXY_KEY}), primary first, for example
     *     {@code KeySet.of(SigningKey.ofHex(System.getenv("IMGPROXY_KEY")))}
     * @return a new builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(Settings.required(keys, "keys"));
    }

    /** How the source URL is written into the path. */
    public enum SourceForm {
        /** Unpadded base64url of the source's UTF-8 bytes; what imgproxy recommends. Always possible. */
        BASE64,
        /**
         * {@code plain/} + the percent-escaped source where that survives the server's rewriting, base64
         * otherwise (see the class comment).
         */
        PLAIN
    }

    /**
     * The signed URL for {@code request}.
     *
     * @throws IllegalArgumentException naming the problem: an empty source URL or one with unpaired
     *     surrogates, an extension that is not letters and digits, options a server cannot receive
     */
    @Override
    public String sign(ImgproxyRequest request) {
        Objects.requireNonNull(request, "request");
        return baseUrl + pathPrefix + signPath(request);
    }

    /**
     * A {@code UrlSigner<String>} signing source URLs with fixed {@code options} (for templates, HTML rewriting).
     *
     * @param options the options every source URL gets
     * @return a signer of source URLs
     */
    public UrlSigner<String> forOptions(ImgproxyOptions options) {
        Objects.requireNonNull(options, "options");
        return source -> sign(new ImgproxyRequest(options, Objects.requireNonNull(source, "source URL"), ""));
    }

    ImgproxyKeys keys() {
        return keys;
    }

    int signatureSize() {
        return signatureSize;
    }

    String pathPrefix() {
        return pathPrefix;
    }

    /** {@code "/" + signature + path}, without base URL and path prefix. */
    String signPath(ImgproxyRequest request) {
        String source = request.sourceUrl();
        if (source.isEmpty()) {
            throw new IllegalArgumentException("source URL is empty");
        }
        if (!wellFormedUtf16(source)) {
            throw new IllegalArgumentException("source URL contains an unpaired surrogate");
        }
        String extension = request.extension().isEmpty() ? "" : requireExtension("extension", request.extension());
        ImgproxyOptions options = request.options();
        for (String segment : options.segments()) {
            String problem = ImgproxyOptions.segmentProblem(segment);
            if (problem != null) {
                throw new IllegalArgumentException("option segment " + problem);
            }
        }
        StringBuilder prefix = new StringBuilder();
        for (String segment : options.segments()) {
            prefix.append('/').append(segment);
        }
        String path = null;
        boolean plainPossible = source.indexOf('?') < 0 && source.indexOf('#') < 0;
        String plain = prefix + "/plain/" + escapePlain(source) + (extension.isEmpty() ? "" : "@" + extension);
        if (sourceForm == SourceForm.PLAIN && plainPossible) {
            path = survives(plain, request);
        }
        byte[] utf8 = source.getBytes(StandardCharsets.UTF_8);
        String base64 = BASE64URL.encodeToString(utf8);
        String dotExtension = extension.isEmpty() ? "" : "." + extension;
        if (path == null && sourceForm == SourceForm.BASE64 && (chunkLength == 0 || base64.length() <= chunkLength)
                && unchunkedBase64Survives(options, base64, extension)) {
            path = prefix + "/" + base64 + dotExtension; // fast path; a property checks it against survives()
        }
        if (path == null && chunkLength > 0 && base64.length() > chunkLength) {
            path = survives(prefix + "/" + chunk(base64) + dotExtension, request);
        }
        if (path == null) {
            path = survives(prefix + "/" + base64 + dotExtension, request);
        }
        if (path == null && plainPossible) {
            path = survives(plain, request); // the base64 text reads as something else (a resize type)
        }
        if (path == null) {
            throw new IllegalArgumentException("the request cannot be expressed as a URL the imgproxy server reads back");
        }
        byte[] mac = keys.mac(0, path.getBytes(StandardCharsets.UTF_8), false);
        return "/" + BASE64URL.encodeToString(signatureSize == mac.length ? mac : java.util.Arrays.copyOf(mac, signatureSize))
                + path;
    }

    /**
     * Whether {@code /options/base64[.ext]} survives without running {@link #survives}: option segments hold
     * a {@code :} and no {@code %} or {@code /}, base64url has none of {@code % / . : @}, so neither server
     * rewrites the path, the options end where the base64 begins and it decodes back exactly. The only
     * misreading left is a lone unextended base64 segment that is a resize type ({@code fill}, ...).
     */
    static boolean unchunkedBase64Survives(ImgproxyOptions options, String base64, String extension) {
        return !(options.segments().isEmpty() && extension.isEmpty() && ImgproxyPath.isResizeType(base64));
    }

    /** {@code path} if both server versions sign it unchanged and read {@code request} back from it. */
    static String survives(String path, ImgproxyRequest request) {
        if (!ImgproxyPath.fix(ImgproxyServerVersion.V3, path).equals(path)
                || !ImgproxyPath.fix(ImgproxyServerVersion.V4, path).equals(path.substring(1))) {
            return null;
        }
        ImgproxyPath.Parsed parsed = ImgproxyPath.parse(path);
        return request.equals(parsed.request()) ? path : null;
    }

    private String chunk(String base64) {
        StringBuilder sb = new StringBuilder(base64.length() + base64.length() / chunkLength);
        for (int i = 0; i < base64.length(); i += chunkLength) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(base64, i, Math.min(base64.length(), i + chunkLength));
        }
        return sb.toString();
    }

    /**
     * Percent-escapes everything but letters, digits and {@code -._~!$&'()*+,;=:/}: the server
     * {@code PathUnescape}s the plain source, so {@code %}, {@code @} (the extension separator), blanks,
     * controls, non-ASCII and characters clients rewrite ({@code \}, {@code [}...) travel escaped.
     */
    static String escapePlain(String source) {
        StringBuilder sb = new StringBuilder(source.length() + 16);
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && "-._~!$&'()*+,;=:/".indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String requireExtension(String name, String extension) {
        Objects.requireNonNull(extension, name);
        if (extension.isEmpty() || extension.length() > 16) {
            throw new IllegalArgumentException(name + " must be 1 to 16 letters or digits");
        }
        for (int i = 0; i < extension.length(); i++) {
            char c = extension.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException(name + " must be letters and digits only");
            }
        }
        return extension;
    }

    private static boolean wellFormedUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ImgproxySigner[" + keys + ", signatureSize=" + signatureSize + ", baseUrl=" + baseUrl
                + ", pathPrefix=" + pathPrefix + ", sourceForm=" + sourceForm + ", chunkLength=" + chunkLength + "]";
    }

    /**
     * Configures an {@link ImgproxySigner}: the key set is the builder's argument, {@link #salts} is
     * required, the other settings are optional. Not thread-safe.
     */
    public static final class Builder extends ImgproxySettings<Builder> {
        private SourceForm sourceForm = SourceForm.BASE64;
        private int chunkLength;

        private Builder(KeySet keys) {
            super(keys);
        }

        /**
         * How the source is written (default {@link SourceForm#BASE64}).
         *
         * @param form the form
         * @return this builder
         * @throws IllegalArgumentException if {@code form} is null
         */
        public Builder sourceForm(SourceForm form) {
            this.sourceForm = Settings.required(form, "sourceForm");
            return this;
        }

        /**
         * Splits the base64 source into {@code /}-separated chunks of this many characters; 0 (default) does not.
         *
         * @param length the length
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder base64ChunkLength(int length) {
            Settings.check(length >= 0, "base64ChunkLength", "must be 0 or more, got " + length);
            this.chunkLength = length;
            return this;
        }

        /**
         * The signer.
         *
         * @return the signer
         * @throws IllegalArgumentException naming {@code salts} when they are missing or not one per key
         */
        public ImgproxySigner build() {
            return new ImgproxySigner(this, pairs());
        }
    }
}
