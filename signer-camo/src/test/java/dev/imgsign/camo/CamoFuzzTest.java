package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.Ascii;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for both Camo dialects. Each input, read as UTF-8, is used twice: as a request target
 * (verify must answer, never throw; an acceptance must survive re-signing) and as a URL to sign (a
 * signed URL is never refused for its signature).
 *
 * <p>{@code mvn -B verify} replays {@code src/test/resources/dev/imgsign/camo/CamoFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes one target (see the root README, "Robustness").
 */
class CamoFuzzTest {
    /** Two keys, so acceptance by an older key is reachable from the seeds. */
    static final KeySet KEYS = KeySet.of(SigningKey.ofUtf8("test"), SigningKey.ofUtf8("0x24FEEDFACEDEADBEEFCAFE"));
    private static final int BIG = 1 << 20;

    private static final CamoVerifier GO = CamoVerifier.builder(KEYS).build();
    private static final CamoVerifier GO_PRIVATE = CamoVerifier.builder(KEYS).rejectPrivateAddresses(true).build();
    private static final CamoVerifier GO_BIG = CamoVerifier.builder(KEYS).maxLength(BIG).build();
    private static final CamoVerifier GO_BIG_PRIVATE =
            CamoVerifier.builder(KEYS).maxLength(BIG).rejectPrivateAddresses(true).build();
    private static final CamoVerifier ATMOS = CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).build();
    private static final CamoVerifier ATMOS_PRIVATE =
            CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).rejectPrivateAddresses(true).build();
    private static final CamoVerifier ATMOS_BIG =
            CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).maxLength(BIG).build();
    private static final CamoVerifier ATMOS_BIG_PRIVATE = CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO)
            .maxLength(BIG).rejectPrivateAddresses(true).build();

    @FuzzTest(maxDuration = "5m")
    void goCamo(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        checkVerify(GO, s);
        checkVerify(GO_PRIVATE, s);
        checkSignThenVerify(GO_BIG, s, CamoEncoding.HEX);
        checkSignThenVerify(GO_BIG, s, CamoEncoding.BASE64);
        checkSignThenVerify(GO_BIG_PRIVATE, s, CamoEncoding.BASE64);
    }

    @FuzzTest(maxDuration = "5m")
    void atmosCamo(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        checkVerify(ATMOS, s);
        checkVerify(ATMOS_PRIVATE, s);
        checkSignThenVerify(ATMOS_BIG, s, CamoEncoding.HEX);
        checkSignThenVerify(ATMOS_BIG, s, CamoEncoding.QUERY);
        checkSignThenVerify(ATMOS_BIG_PRIVATE, s, CamoEncoding.QUERY);
    }

    /** verify answers; a rejection is well-formed; an acceptance re-signs to a URL it accepts again. */
    static void checkVerify(CamoVerifier verifier, String target) {
        Verification<String> v = verifier.verify(target);
        assertNotNull(v);
        if (v instanceof Verification.Rejected<String> r) {
            assertNotNull(r.reason());
            assertNotNull(r.detail());
            assertTrue(r.httpStatus() >= 400 && r.httpStatus() < 500, "status " + r.httpStatus());
            if (hasRawControlOrSpace(target)) {
                assertEquals(Rejection.MALFORMED, r.reason(), "a raw control or space is refused first");
                assertEquals(400, r.httpStatus(), "as the servers' HTTP parsers answer");
            } else if (verifier.dialect() == CamoDialect.ATMOS_CAMO) {
                assertEquals(404, r.httpStatus(), "atmos/camo answers 404 to every refusal");
            }
            return;
        }
        Verification.Accepted<String> a = (Verification.Accepted<String>) v;
        assertTrue(a.keyIndex() >= 0 && a.keyIndex() < KEYS.size());
        if (verifier.dialect() == CamoDialect.ATMOS_CAMO && !signerForm(a.request())) {
            // atmos/camo's legacy url.parse also finds a host in "http:\\host/" or "HTTP:/\\host"; our
            // signer only emits http(s)://host URLs (documented), so such acceptances cannot be re-signed.
            return;
        }
        for (CamoEncoding encoding : CamoEncoding.values()) {
            if (verifier.dialect().accepts(encoding)) {
                String again = CamoSigner.builder(KEYS).encoding(encoding).build().sign(a.request());
                assertEquals(new Verification.Accepted<>(a.request(), 0, ""), verifier.verify(again),
                        "re-signed in " + encoding + ": " + again);
            }
        }
    }

    static boolean hasRawControlOrSpace(String target) {
        return target.chars().anyMatch(c -> c <= ' ' || c == 0x7f);
    }

    /** Whether the URL has the form the signer documents: http:// or https:// (any case), then a host. */
    static boolean signerForm(String url) {
        int authority = Ascii.startsWithIgnoreCase(url, "http://") ? 7
                : Ascii.startsWithIgnoreCase(url, "https://") ? 8 : -1;
        return authority > 0 && authority < url.length() && "/?#".indexOf(url.charAt(authority)) < 0;
    }

    /**
     * Whatever the signer signs, the verifier never calls a forgery: it accepts the very URL, or refuses
     * it for what the URL is (a rule applied after the MAC), never for its signature.
     */
    static void checkSignThenVerify(CamoVerifier verifier, String url, CamoEncoding encoding) {
        String signed;
        try {
            signed = CamoSigner.builder(KEYS).encoding(encoding).build().sign(url);
        } catch (IllegalArgumentException refused) {
            return;
        }
        Verification<String> v = verifier.verify(signed);
        if (v instanceof Verification.Rejected<String> r) {
            assertNotEquals(Rejection.BAD_SIGNATURE, r.reason(), () -> "signed " + encoding + " URL refused: " + r);
            assertNotEquals(Rejection.TOO_LONG, r.reason());
        } else {
            assertEquals(new Verification.Accepted<>(url, 0, ""), v);
        }
    }
}
