package dev.imgsign.imgproxy;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.spi.Hmac;
import dev.imgsign.core.spi.HmacAlgorithm;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The key/salt pairs of an imgproxy deployment ({@code IMGPROXY_KEY}, {@code IMGPROXY_SALT}) as the
 * builders pair them: key {@code i} of the key set with salt {@code i}, the first pair signing, every pair
 * verifying in order (key rotation). The MAC is HMAC-SHA256 keyed with the key over the salt followed by
 * the path. Never shows key or salt material.
 */
final class ImgproxyKeys {
    private final KeySet keySet;
    private final KeySet saltSet;
    private final Hmac[] hmacs;
    private final byte[][] salts;

    private ImgproxyKeys(KeySet keySet, KeySet saltSet, Hmac[] hmacs, byte[][] salts) {
        this.keySet = keySet;
        this.saltSet = saltSet;
        this.hmacs = hmacs;
        this.salts = salts;
    }

    /**
     * Key {@code i} paired with salt {@code i}; both sets are non-empty and bounded by {@link KeySet}.
     *
     * @throws IllegalArgumentException naming {@code salts} when the counts differ
     */
    static ImgproxyKeys of(KeySet keys, KeySet salts) {
        Settings.check(keys.size() == salts.size(), "salts", "imgproxy needs as many salts as keys, one per key in"
                + " the keys' order: got " + keys.size() + " keys and " + salts.size() + " salts");
        Hmac[] h = new Hmac[keys.size()];
        byte[][] s = new byte[keys.size()][];
        for (int i = 0; i < h.length; i++) {
            h[i] = Hmac.of(HmacAlgorithm.SHA256, keys.keys().get(i));
            s[i] = salts.keys().get(i).copyBytes();
        }
        return new ImgproxyKeys(keys, salts, h, s);
    }

    /** Pairs from the server's environment values, as {@link #hexList} reads each. */
    static ImgproxyKeys ofHex(String keys, String salts) {
        return of(hexList("keys", keys), hexList("salts", salts));
    }

    /**
     * The key set of a comma-separated list of hex values such as {@code IMGPROXY_KEY} or
     * {@code IMGPROXY_SALT}: hex digits of either case, blanks around an element ignored.
     *
     * @param setting the setting named in the exception
     * @throws IllegalArgumentException naming {@code setting} for an empty or non-hex element or more than
     *     {@value KeySet#MAX_KEYS} elements; the message never contains the values
     */
    static KeySet hexList(String setting, String csv) {
        Settings.required(csv, setting);
        List<SigningKey> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = csv.indexOf(',', start);
            int end = comma < 0 ? csv.length() : comma;
            String element = csv.substring(start, end).strip();
            Settings.check(!element.isEmpty(), setting, "element " + out.size() + " is empty");
            try {
                out.add(SigningKey.ofBytes(HexFormat.of().parseHex(element)));
            } catch (IllegalArgumentException e) {
                throw Settings.invalid(setting, "element " + out.size() + " is not valid hexadecimal");
            }
            Settings.check(out.size() <= KeySet.MAX_KEYS, setting, "at most " + KeySet.MAX_KEYS + " elements");
            if (comma < 0) {
                return KeySet.of(out);
            }
            start = comma + 1;
        }
    }

    /** The keys as the builder was given them. */
    KeySet keySet() {
        return keySet;
    }

    /** The salts as the builder was given them. */
    KeySet saltSet() {
        return saltSet;
    }

    /** The number of pairs. */
    int size() {
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
