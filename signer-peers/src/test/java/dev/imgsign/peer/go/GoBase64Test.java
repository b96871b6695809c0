package dev.imgsign.peer.go;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Expected values computed by go1.19 {@code encoding/base64}: {@code RawURLEncoding.DecodeString(s)} and
 * {@code URLEncoding.DecodeString(s + "=" * ((4 - len(s) % 4) % 4))}; null where Go returned an error.
 * The camo and imageproxy vectors exercise both further through the verifiers.
 */
class GoBase64Test {
    private static final String[][] RAW = {
        {"", ""}, {"QQ", "41"}, {"QUI", "4142"}, {"QUJD", "414243"}, {"QR", "41"}, {"QUJ", "4142"},
        {"Q", null}, {"QQ==", null}, {"QUI=", null}, {"QQ=", null}, {"QQ\n==", null}, {"Q\r\nQ", "41"},
        {"QUJD=", null}, {"QUJDQQ==QQ", null}, {"QQ=x", null}, {"+/8", null}, {"-_8", "fbff"},
        {"QQ==\n", null}, {"QUJD\n", "414243"}, {"\n\n", ""}, {"QQ===", null}, {"QU=I", null},
    };
    private static final String[][] PADDED = {
        {"", ""}, {"QQ", "41"}, {"QUI", "4142"}, {"QUJD", "414243"}, {"QR", "41"}, {"QUJ", "4142"},
        {"Q", null}, {"QQ==", "41"}, {"QUI=", "4142"}, {"QQ=", "41"}, {"QQ\n==", null}, {"Q\r\nQ", null},
        {"QUJD=", null}, {"QUJDQQ==QQ", null}, {"QQ=x", null}, {"+/8", null}, {"-_8", "fbff"},
        {"QQ==\n", null}, {"QUJD\n", null}, {"\n\n", null}, {"QQ===", null}, {"QU=I", null},
    };

    @Test
    void rawUrlDecodingAsGo() {
        for (String[] c : RAW) {
            byte[] in = c[0].getBytes(StandardCharsets.US_ASCII);
            check(c, GoBase64.decodeRawUrl(in, 0, in.length));
        }
    }

    @Test
    void paddedUrlDecodingAsGo() {
        for (String[] c : PADDED) {
            byte[] in = c[0].getBytes(StandardCharsets.US_ASCII);
            check(c, GoBase64.decodeUrlPadded(in, 0, in.length));
        }
    }

    @Test
    void decodesOnlyTheGivenRange() {
        byte[] in = "xxQUJDyy".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(HexFormat.of().parseHex("414243"), GoBase64.decodeRawUrl(in, 2, 6));
        assertArrayEquals(HexFormat.of().parseHex("414243"), GoBase64.decodeUrlPadded(in, 2, 6));
    }

    private static void check(String[] c, byte[] got) {
        if (c[1] == null) {
            assertNull(got, c[0]);
        } else {
            assertArrayEquals(HexFormat.of().parseHex(c[1]), got, c[0]);
        }
    }
}
