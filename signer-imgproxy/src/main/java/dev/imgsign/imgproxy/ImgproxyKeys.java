package dev.imgsign.imgproxy;

import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The key/salt pairs of an imgproxy deployment ({@code IMGPROXY_KEY}, {@code IMGPROXY_SALT}): the first
 * pair signs, every pair verifies, in order (key rotation). The MAC is HMAC-SHA256 keyed with the key over
 * the salt followed by the path.
 *
 * <p>Unlike the server (which decodes an empty list element to an empty key) and the Node builder (which
 * silently signs {@code /insecure} without a key), every key and salt must be non-empty, valid hexadecimal
 * here; anything else is an {@link IllegalArgumentException}. At most {@value KeySet#MAX_KEYS} pairs, so a
 * verification costs a bounded number of MACs. {@link #toString()} never shows key or salt material.
 *
 * @since 0.1.0
 */
public final class ImgproxyKeys {
    private final Hmac[] hmacs;
    private final byte[][] salts;

    private ImgproxyKeys(Hmac[] hmacs, byte[][] salts) {
        this.hmacs = hmacs;
        this.salts = salts;
    }

    /**
     * Pairs from the server's environment values: comma-separated hex keys and salts, as many salts as
     * keys, the first pair signing (for example {@code ofHex(System.getenv("IMGPROXY_KEY"),
     * System.getenv("IMGPROXY_SALT"))}). Hex digits may be of either case; blanks around an element are
     * ignored.
     *
     * @param keys comma-separated hex keys ({@code IMGPROXY_KEY})
     * @param salts comma-separated hex salts, one per key ({@code IMGPROXY_SALT})
     * @return the pairs, the first one signing
     * @throws IllegalArgumentException if a list is empty, an element is empty or not hexadecimal, the
     *     counts differ or there are more than {@value KeySet#MAX_KEYS} pairs; the message never contains
     *     the values
     */
    public static ImgproxyKeys ofHex(String keys, String salts) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(salts, "salts");
        List<byte[]> keyList = hexList("key", keys);
        List<byte[]> saltList = hexList("salt", salts);
        if (keyList.size() != saltList.size()) {
            throw new IllegalArgumentException("imgproxy needs as many salts as keys: got " + keyList.size()
                    + " keys and " + saltList.size() + " salts");
        }
        return of(keyList, saltList);
    }

    /**
     * One pair of raw bytes (copied).
     *
     * @param key the key
     * @param salt the salt
     * @return one pair of raw bytes (copied)
     * @throws IllegalArgumentException if the key or the salt is empty
     */
    public static ImgproxyKeys of(byte[] key, byte[] salt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(salt, "salt");
        return of(List.of(key), List.of(salt));
    }

    /**
     * These pairs followed by one more (older) pair that only verifies.
     *
     * @param key the key
     * @param salt the salt
     * @return these pairs followed by one more (older) pair that only verifies
     * @throws IllegalArgumentException if the key or the salt is empty or the pairs would be too many
     */
    public ImgproxyKeys and(byte[] key, byte[] salt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(salt, "salt");
        if (hmacs.length >= KeySet.MAX_KEYS) {
            throw new IllegalArgumentException("at most " + KeySet.MAX_KEYS + " key/salt pairs");
        }
        requireNonEmpty(key, salt, hmacs.length);
        Hmac[] h = Arrays.copyOf(hmacs, hmacs.length + 1);
        byte[][] s = Arrays.copyOf(salts, salts.length + 1);
        h[hmacs.length] = Hmac.of(HmacAlgorithm.SHA256, SigningKey.ofBytes(key));
        s[salts.length] = salt.clone();
        return new ImgproxyKeys(h, s);
    }

    private static ImgproxyKeys of(List<byte[]> keys, List<byte[]> salts) {
        if (keys.size() > KeySet.MAX_KEYS) {
            throw new IllegalArgumentException("at most " + KeySet.MAX_KEYS + " key/salt pairs, got " + keys.size());
        }
        Hmac[] h = new Hmac[keys.size()];
        byte[][] s = new byte[keys.size()][];
        for (int i = 0; i < h.length; i++) {
            requireNonEmpty(keys.get(i), salts.get(i), i);
            h[i] = Hmac.of(HmacAlgorithm.SHA256, SigningKey.ofBytes(keys.get(i)));
            s[i] = salts.get(i).clone();
        }
        return new ImgproxyKeys(h, s);
    }

    private static void requireNonEmpty(byte[] key, byte[] salt, int index) {
        if (key.length == 0) {
            throw new IllegalArgumentException("imgproxy key " + index + " is empty");
        }
        if (salt.length == 0) {
            throw new IllegalArgumentException("imgproxy salt " + index + " is empty");
        }
    }

    private static List<byte[]> hexList(String what, String csv) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = csv.indexOf(',', start);
            int end = comma < 0 ? csv.length() : comma;
            String element = csv.substring(start, end).strip();
            if (element.isEmpty()) {
                throw new IllegalArgumentException("imgproxy " + what + " " + out.size() + " is empty");
            }
            try {
                out.add(HexFormat.of().parseHex(element));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("imgproxy " + what + " " + out.size() + " is not valid hexadecimal");
            }
            if (out.size() > KeySet.MAX_KEYS) {
                throw new IllegalArgumentException("at most " + KeySet.MAX_KEYS + " imgproxy " + what + "s");
            }
            if (comma < 0) {
                return out;
            }
            start = comma + 1;
        }
    }

    /**
     * The number of pairs.
     *
     * @return the number of pairs
     */
    public int size() {
        return hmacs.length;
    }

    /** The full MAC of salt ‖ (slash) ‖ path under pair {@code index}; the slash only when {@code slash}. */
    byte[] mac(int index, byte[] path, boolean slash) {
        byte[] salt = salts[index];
        byte[] message = new byte[salt.length + (slash ? 1 : 0) + path.length];
        System.arraycopy(salt, 0, message, 0, salt.length);
        if (slash) {
            message[salt.length] = '/';
        }
        System.arraycopy(path, 0, message, message.length - path.length, path.length);
        return hmacs[index].mac(message);
    }

    /** Never shows key or salt material. */
    @Override
    public String toString() {
        return "ImgproxyKeys[" + hmacs.length + " key/salt pairs, redacted]";
    }
}
