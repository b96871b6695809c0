package dev.imgsign.thumbor;

import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * Signs thumbor URLs: {@code /<signature>/<options>/<image url>}, where signature is URL-safe base64
 * with padding of HMAC-SHA1 over the text after it, keyed with the key's bytes (thumbor encodes its
 * {@code SECURITY_KEY} as UTF-8, so {@link KeySet#ofUtf8(String)} gives the same key).
 *
 * <p>Only URLs thumbor accepts come out: the image URL and the filter text are percent-encoded where
 * they hold characters a raw path cannot carry or that thumbor's decoding would change (non-ASCII,
 * spaces, {@code % ? #} and the like), and every URL is read back with the server's grammar; an image
 * URL the server would read differently (one starting with an option such as {@code smart/}, one in
 * which thumbor's loader finds no host) is refused with {@link IllegalArgumentException}. For image
 * URLs of plain characters the output is byte-identical to libthumbor's {@code CryptoURL}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * ThumborSigner signer = ThumborSigner.builder(KeySet.ofUtf8("my-security-key")).build();
 * String path = signer.sign(ThumborOptions.builder().size(300, 200).build(), "my.server.com/some/path/to/image.jpg");
 * // /8ammJH8D-7tXy6kU3lTvoXlhu4o=/300x200/my.server.com/some/path/to/image.jpg
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ThumborSigner implements UrlSigner<ThumborRequest> {
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder();
    /** A stand-in signature of the real one's shape, to read a URL back before it is signed. */
    private static final String PLACEHOLDER = "/" + "A".repeat(27) + "=/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final HmacKeyRing ring;
    private final String prefix;

    private ThumborSigner(Builder builder) {
        this.ring = HmacKeyRing.of(HmacAlgorithm.SHA1, builder.keys);
        this.prefix = builder.prefix;
    }

    /**
     * A builder signing with the primary key of {@code keys}.
     *
     * @param keys the keys ({@code SECURITY_KEY}, for example {@code KeySet.ofUtf8(key)}), primary first
     * @return a new builder
     * @throws IllegalArgumentException if {@code keys} is null
     */
    public static Builder builder(KeySet keys) {
        return new Builder(keys);
    }

    /**
     * The signed URL for {@code request}.
     *
     * @throws IllegalArgumentException if the request is null or unsafe, or its image URL or filters
     *     cannot be carried so that thumbor reads them back unchanged
     */
    @Override
    public String sign(ThumborRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request to sign is null");
        }
        if (request.unsafe()) {
            throw new IllegalArgumentException("request is unsafe: an /unsafe/ URL carries no signature");
        }
        return sign(request.options(), request.imageUrl());
    }

    /**
     * The signed URL for {@code imageUrl} with {@code options}.
     *
     * @param options the options every URL gets
     * @return the signed URL for {@code imageUrl} with {@code options}
     * @param imageUrl the image URL as thumbor should hold it, for example
     *     {@code my.server.com/some/path/to/image.jpg} or {@code https://example.org/a b.jpg?x=1}; it is
     *     escaped here, so pass it unescaped (a {@code %} in it stays a {@code %})
     * @throws IllegalArgumentException naming the argument that cannot be signed
     */
    public String sign(ThumborOptions options, String imageUrl) {
        String message = message(options, imageUrl);
        byte[] mac = ring.sign(message.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder(prefix.length() + 30 + message.length());
        out.append(prefix).append('/').append(BASE64.encodeToString(mac)).append('/').append(message);
        return out.toString();
    }

    /**
     * A {@code UrlSigner<String>} that signs image URLs with fixed {@code options}, for templates and for
     * signer-html's {@code ImageSigner.of(...)}.
     *
     * @param options the options every URL gets
     * @return a signer of image URLs, which throws {@link IllegalArgumentException} as
     *     {@link #sign(ThumborOptions, String)} does
     */
    public UrlSigner<String> forOptions(ThumborOptions options) {
        Objects.requireNonNull(options, "options");
        return imageUrl -> sign(options, imageUrl);
    }

    /**
     * The prefix signed URLs start with, trailing slashes removed.
     *
     * @return the prefix signed URLs start with, trailing slashes removed
     */
    public String prefix() {
        return prefix;
    }

    /** The text thumbor MACs: options, filters and image URL, escaped, checked by reading them back. */
    static String message(ThumborOptions options, String imageUrl) {
        if (options == null) {
            throw new IllegalArgumentException("options is null");
        }
        if (imageUrl == null) {
            throw new IllegalArgumentException("imageUrl is null");
        }
        if (imageUrl.isEmpty()) {
            throw new IllegalArgumentException("imageUrl is empty");
        }
        checkUnicode("imageUrl", imageUrl);
        StringBuilder message = new StringBuilder(imageUrl.length() + 32);
        message.append(options.toPathPrefix());
        String filters = options.filters();
        if (!filters.isEmpty()) {
            checkUnicode("filters", filters);
            if (filters.charAt(filters.length() - 1) != ')') {
                throw new IllegalArgumentException("filters must end with ')', as thumbor's grammar requires: "
                        + excerpt(filters));
            }
            message.append("filters:");
            escape(filters, message);
            message.append('/');
        }
        escape(imageUrl, message);
        String text = message.toString();
        Verification<ThumborRequest> read = ThumborVerifier.read(ThumborPath.parse(PLACEHOLDER + text), Set.of());
        if (read instanceof Verification.Rejected<ThumborRequest> r) {
            throw new IllegalArgumentException("thumbor would refuse imageUrl " + excerpt(imageUrl) + ": " + r.detail());
        }
        ThumborRequest back = read.orElseThrow();
        if (!back.imageUrl().equals(imageUrl)) {
            if (imageUrl.endsWith(back.imageUrl())) {
                throw new IllegalArgumentException("imageUrl " + excerpt(imageUrl) + " starts like a thumbor option:"
                        + " the server would read the image as " + excerpt(back.imageUrl()));
            }
            throw new IllegalArgumentException("filters " + excerpt(filters) + " would end early at ')/':"
                    + " the server would read the image as " + excerpt(back.imageUrl()));
        }
        if (!back.options().equals(options)) {
            throw new IllegalArgumentException("options would be read back as " + back.options());
        }
        return text;
    }

    /**
     * Appends {@code s} with every character escaped (as UTF-8 {@code %XX}) but RFC 3986's unreserved and
     * sub-delimiter characters, {@code :}, {@code @} and {@code /}: what a path carries unchanged.
     */
    static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && keeps(c)) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
            for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            i = end - 1;
        }
    }

    private static boolean keeps(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static void checkUnicode(String name, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(name + " contains an unpaired surrogate at index " + i
                        + ": it has no UTF-8 form");
            }
        }
    }

    private static String excerpt(String s) {
        return s.length() <= 64 ? '"' + s + '"' : '"' + s.substring(0, 64) + "\"...";
    }

    @Override
    public String toString() {
        return "ThumborSigner[prefix=" + prefix + ", keys redacted]";
    }

    /** Configures a {@link ThumborSigner}. Not thread-safe; the signer it builds is. */
    public static final class Builder extends ThumborSettings<Builder> {
        private Builder(KeySet keys) {
            super(keys);
        }

        /**
         * The immutable, thread-safe signer.
         *
         * @return the immutable, thread-safe signer
         */
        public ThumborSigner build() {
            return new ThumborSigner(this);
        }
    }
}
