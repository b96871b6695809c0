package dev.imgsign.expiring.weekly;

import dev.imgsign.expiring.internal.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Shared pieces of the weekly-link format: ext_url encoding and the signed message. */
final class WeeklyMessages {
    static final int SIGNATURE_BYTES = 12;
    static final int SIGNATURE_CHARS = 16;
    private static final Base64.Encoder EXT_URL = Base64.getUrlEncoder().withoutPadding();

    private WeeklyMessages() {
    }

    /** Gazelle's {@code urlencode_safe}: URL-safe base64 of the UTF-8 bytes, trailing {@code =} stripped. */
    static String extUrl(String imageUrl) {
        return EXT_URL.encodeToString(imageUrl.getBytes(StandardCharsets.UTF_8));
    }

    /** The 16-character signature of 12 MAC bytes. */
    static String signatureText(byte[] mac) {
        byte[] truncated = new byte[SIGNATURE_BYTES];
        System.arraycopy(mac, 0, truncated, 0, SIGNATURE_BYTES);
        return EXT_URL.encodeToString(truncated);
    }

    private static final byte[] PROXY_SUFFIX = {'/', 'p', 'r', 'o', 'x', 'y'};

    /** Where ext_url starts in {@link #signingMessage}'s bytes. */
    static int extUrlOffset(WeeklyProtocol protocol, String bucket) {
        return protocol == WeeklyProtocol.BUCKET ? bucket.length() + 1 : 0;
    }

    /**
     * The signed message for {@code imageUrl} in one array: equal to
     * {@code message(protocol, bucket, extUrl(imageUrl), proxySigned)} (a differential property checks
     * it). ext_url comes from the JDK's encoder, whose block loop is a HotSpot intrinsic. The bucket is
     * unreserved ASCII (checked by {@link WeeklyLink}).
     */
    static byte[] signingMessage(WeeklyProtocol protocol, String bucket, String imageUrl, boolean proxySigned) {
        byte[] ext = EXT_URL.encode(imageUrl.getBytes(StandardCharsets.UTF_8));
        int offset = extUrlOffset(protocol, bucket);
        byte[] msg = new byte[offset + ext.length + (proxySigned ? PROXY_SUFFIX.length : 0)];
        if (offset > 0) {
            Ascii.copyLatin1(bucket, 0, bucket.length(), msg, 0);
            msg[offset - 1] = '/';
        }
        System.arraycopy(ext, 0, msg, offset, ext.length);
        if (proxySigned) {
            System.arraycopy(PROXY_SUFFIX, 0, msg, offset + ext.length, PROXY_SUFFIX.length);
        }
        return msg;
    }

    /** The signed message for the protocol; {@code extUrl} is taken byte for byte as it appears. */
    static byte[] message(WeeklyProtocol protocol, String bucket, String extUrl, boolean proxySigned) {
        StringBuilder msg = new StringBuilder(bucket.length() + extUrl.length() + 8);
        if (protocol == WeeklyProtocol.BUCKET) {
            msg.append(bucket).append('/');
        }
        msg.append(extUrl);
        if (proxySigned) {
            msg.append("/proxy");
        }
        return msg.toString().getBytes(StandardCharsets.UTF_8);
    }
}
