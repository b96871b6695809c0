package dev.imgsign.expiring;

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
