package dev.imgsign.core.internal;

import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;

/**
 * The one rule by which every verifier accepts what its signer returned as well as a bare request
 * target: a verifier configured with its signer's prefix (Camo's and thumbor's {@code prefix}, the
 * expiring schemes' {@code host}, imageproxy's and imgproxy's {@code baseUrl}) removes that prefix,
 * compared byte for byte, when the input starts with it and the rest starts with {@code /} or {@code ?};
 * everything else is verified exactly as before, so a request target starting with {@code /} keeps
 * working and a URL with another prefix stays malformed. Also the one raw-character check every verifier
 * makes first. Not public API: it may change without notice.
 */
public final class SignedUrls {
    private SignedUrls() {
    }

    /**
     * The request target inside {@code input}: {@code input} without {@code prefix} when {@code prefix}
     * is not empty, {@code input} starts with it (byte for byte: our own signer wrote it) and the rest
     * starts with {@code /} or {@code ?}; otherwise {@code input} unchanged (also when {@code null}), for
     * the verifier to judge as a request target as it always has.
     *
     * <p>The prefix is tried first so that a path prefix such as {@code /camo} round-trips too; the rest
     * must start at a {@code /} or {@code ?} so that {@code https://img.example.org.evil/...} is never
     * read as {@code https://img.example.org} plus a target.
     */
    public static String requestTarget(String input, String prefix) {
        if (input == null || prefix == null || prefix.isEmpty() || !input.startsWith(prefix)
                || input.length() == prefix.length()) {
            return input;
        }
        char next = input.charAt(prefix.length());
        return next == '/' || next == '?' ? input.substring(prefix.length()) : input;
    }

    /**
     * The rejection detail for input that is not a request target: it names the verifier setting that
     * would let it accept its signer's full URLs.
     *
     * @param setting the verifier builder's setting holding the signer's prefix, e.g. {@code prefix}
     */
    public static String notARequestTarget(String setting) {
        return "request target does not start with '/': pass the request target (path and query), or give"
                + " the verifier the signer's " + setting + " so it accepts the signer's full URLs";
    }

    /**
     * The index of the first raw control character (0x00-0x1F, 0x7F) or space in {@code target}, or -1.
     * No HTTP server delivers a request line holding one, so every verifier refuses such a target as
     * malformed before any other work (the peers' lenient readings of them were a way round the signature).
     *
     * @param target a request target, not null
     * @return the index of the first such character, or -1 if there is none
     */
    public static int rawControlOrSpace(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The opening every verifier makes before anything else: a target longer than {@code maxLength} is
     * {@link Rejection#TOO_LONG}, one holding a raw control character or space is
     * {@link Rejection#MALFORMED}; {@code null} when neither applies.
     *
     * @param <R> the verifier's decoded request
     * @param target the request target, not null
     * @param maxLength the verifier's length cap
     * @return the rejection, or {@code null} to go on
     */
    public static <R> Verification<R> refuseUnreadable(String target, int maxLength) {
        if (target.length() > maxLength) {
            return Verification.rejected(Rejection.TOO_LONG, "request target longer than " + maxLength
                    + " characters");
        }
        int bad = rawControlOrSpace(target);
        if (bad >= 0) {
            return Verification.rejected(Rejection.MALFORMED, "raw control character or space at index " + bad);
        }
        return null;
    }
}
