package dev.imgsign.expiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Verification;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalogue for the three verifiers of this module: each kind of hostile request target
 * gets the rejection and status the module README documents. Well-formed signatures are computed here
 * with the JDK's {@code javax.crypto.Mac} from the README's definitions, not with our signers.
 */
class ExpiringBadInputTest {
    private static final String ONE_MIB = "/" + "a".repeat((1 << 20) - 1);

    // ------------------------------------------------------------------ weekly

    /** weekly.json: secret 1234 at 2021-12-28T22:20Z (ISO 2021-W52); tcId 23 is accepted there. */
    private static final Clock WEEK_52 = Clock.fixed(Instant.ofEpochSecond(1640730000L), ZoneOffset.UTC);
    private static final WeeklyLinkVerifier WEEKLY = WeeklyLinkVerifier.builder(KeySet.ofUtf8("1234")).clock(WEEK_52).build();
    private static final String EXT = "aHR0cHM6Ly9leGFtcGxlX3VybC9pbWcuanBn";
    private static final String SIG = "gnjO6SJxYbeT9VBz";

    private static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** README: key = secret + ISO year + week; message {bucket}/{ext_url}; 12 bytes, unpadded base64url. */
    private static String weeklyLink(String bucket, String size, byte[] imageUrl) {
        String ext = Base64.getUrlEncoder().withoutPadding().encodeToString(imageUrl);
        byte[] mac = hmacSha256("1234202152".getBytes(StandardCharsets.US_ASCII),
                (bucket + "/" + ext).getBytes(StandardCharsets.US_ASCII));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 12));
        return "/" + bucket + "/" + size + "/" + sig + "/" + ext;
    }

    private static <R> void assertRejected(Rejection reason, int status, Verification<R> v) {
        assertFalse(v.isAccepted(), v.toString());
        Verification.Rejected<R> r = (Verification.Rejected<R>) v;
        assertEquals(reason, r.reason(), r.detail());
        assertEquals(status, r.httpStatus(), r.detail());
    }

    @Test
    void weeklyLinkBuiltHereIsTheVectorsLink() {
        assertEquals("/i/full/" + SIG + "/" + EXT,
                weeklyLink("i", "full", "https://example_url/img.jpg".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void weeklyEmptyNullSlashAndOnlyASignature() {
        for (String target : new String[] {"", "/", "//", "/" + SIG, "/i/full/" + SIG, "?/i/full/" + SIG + "/" + EXT}) {
            assertRejected(Rejection.MALFORMED, 400, WEEKLY.verify(target));
        }
        assertRejected(Rejection.MALFORMED, 400, WEEKLY.verify((String) null));
    }

    @Test
    void weeklyOverlong() {
        assertRejected(Rejection.TOO_LONG, 414, WEEKLY.verify(ONE_MIB));
    }

    @Test
    void weeklyNulAndControlCharactersAndNonAscii() {
        for (String target : new String[] {"/i/full/" + SIG + "/" + EXT + "\u0000", "/i\n/full/" + SIG + "/" + EXT,
                "/i/full/" + SIG + "/" + EXT + "%00", "/i/full/" + SIG + "/" + EXT + "%7F", "/ü/full/" + SIG + "/" + EXT,
                "/i/full/" + SIG + "/" + EXT + "%C3%BC"}) {
            assertRejected(Rejection.MALFORMED, 400, WEEKLY.verify(target));
        }
    }

    @Test
    void weeklyInvalidPercentEscapes() {
        for (String target : new String[] {"/i/full/" + SIG + "/" + EXT + "%", "/i/full/%zz" + SIG + "/" + EXT,
                "/i/%4/" + SIG + "/" + EXT}) {
            assertRejected(Rejection.MALFORMED, 400, WEEKLY.verify(target));
        }
    }

    @Test
    void weeklyValidlySignedButNotUtf8NorHttp() {
        byte[] notUtf8 = {'h', 't', 't', 'p', ':', '/', '/', 'a', '/', (byte) 0xff};
        assertRejected(Rejection.MALFORMED, 400, WEEKLY.verify(weeklyLink("i", "full", notUtf8)));
        for (String url : new String[] {"ftp://example.com/a.jpg", "javascript:alert(1)", "file:///etc/passwd", ""}) {
            // Signed, but not an http URL: the signature verified, the target is refused by policy.
            assertRejected(Rejection.TARGET_REFUSED, 400, WEEKLY.verify(weeklyLink("i", "full",
                    url.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    @Test
    void weeklyUserinfoIsJustPartOfTheSignedUrl() {
        String url = "https://user:pass@example.com/a.jpg";
        assertEquals(url, WEEKLY.verify(weeklyLink("i", "full", url.getBytes(StandardCharsets.US_ASCII)))
                .orElseThrow().imageUrl());
    }

    @Test
    void weeklyHugeSizesAreDroppedOrRefused() {
        String link = weeklyLink("i", "99999999999999999999x150", "https://a/".getBytes(StandardCharsets.US_ASCII));
        WeeklyLink accepted = WEEKLY.verify(link).orElseThrow();
        assertEquals(0, accepted.height());
        assertEquals(150, accepted.width());
        assertRejected(Rejection.MALFORMED, 400, WEEKLY.verify(weeklyLink("i", "99999999999999999999x2147483648",
                "https://a/".getBytes(StandardCharsets.US_ASCII))));
        // A forged huge signature is refused by its length before anything else.
        assertRejected(Rejection.BAD_SIGNATURE, 410, WEEKLY.verify("/i/full/" + "A".repeat(2000) + "/" + EXT));
    }

    @Test
    void weeklyIgnoresTheQueryEvenDuplicatedParameters() {
        assertEquals("https://example_url/img.jpg",
                WEEKLY.verify("/i/full/" + SIG + "/" + EXT + "?size=500x500&size=150x").orElseThrow().imageUrl());
    }

    // ------------------------------------------------------------ recommended expiring links

    /** expiring.json tcId 26: key "secret", /avatar/cat.png, expires 1700000000. */
    private static final String LINK = "/avatar/cat.png?expires=1700000000&signature=SSe7gW-w8ahSNhDRveK7AILXKbd36ak2eyfbGG8tcnE";
    private static final Clock BEFORE = Clock.fixed(Instant.ofEpochSecond(1690000000L), ZoneOffset.UTC);
    private static final ExpiringLinkVerifier EXPIRING =
            ExpiringLinkVerifier.builder(KeySet.ofUtf8("secret")).clock(BEFORE).build();

    /** README's canonical string, MACed with the JDK, for links whose parameters are already plain. */
    private static String expiringLink(String path, String[] params, long expires) {
        StringBuilder canonical = new StringBuilder("imgsign-expiring-v1\n").append(path.length()).append(':').append(path)
                .append('\n').append(params.length / 2).append('\n');
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            canonical.append(params[i].length()).append(':').append(params[i]).append(params[i + 1].length()).append(':')
                    .append(params[i + 1]).append('\n');
            query.append(params[i]).append('=').append(params[i + 1]).append('&');
        }
        canonical.append(expires);
        byte[] mac = hmacSha256("secret".getBytes(StandardCharsets.US_ASCII),
                canonical.toString().getBytes(StandardCharsets.US_ASCII));
        return path + "?" + query + "expires=" + expires + "&signature="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    @Test
    void expiringLinkBuiltHereIsTheVectorsLink() {
        assertEquals(LINK, expiringLink("/avatar/cat.png", new String[0], 1700000000L));
        assertEquals("/avatar/cat.png", EXPIRING.verify(LINK).orElseThrow().path());
    }

    @Test
    void expiringEmptyNullSlashAndOnlyASignature() {
        String signature = LINK.substring(LINK.indexOf("signature="));
        for (String target : new String[] {"", "/", "/avatar/cat.png", "/avatar/cat.png?" + signature,
                "/avatar/cat.png?expires=1700000000", "?expires=1700000000&" + signature}) {
            assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify(target));
        }
        assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify((String) null));
    }

    @Test
    void expiringOverlong() {
        assertRejected(Rejection.TOO_LONG, 414, EXPIRING.verify(ONE_MIB));
    }

    @Test
    void expiringNulAndControlCharactersInThePath() {
        for (String path : new String[] {"/avatar/cat\u0000.png", "/avatar/cat\n.png", "/avatar/cat\u007f.png", "/avatar/ü.png",
                "/avatar/cat .png"}) {
            assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify(path + LINK.substring(LINK.indexOf('?'))));
        }
    }

    @Test
    void expiringInvalidEscapesAndInvalidUtf8() {
        String tail = LINK.substring(LINK.indexOf('?') + 1);
        for (String target : new String[] {"/avatar/cat%zz.png?" + tail, "/avatar/cat.png%?" + tail,
                "/avatar/cat.png?w=%zz&" + tail, "/avatar/cat.png?w=%4&" + tail, "/avatar/cat.png?%C3%28=1&" + tail,
                "/avatar/cat.png?w=%C3%28&" + tail, "/avatar/cat.png?w=%ED%A0%80&" + tail, "/avatar/cat.png?w=#&" + tail}) {
            assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify(target));
        }
    }

    @Test
    void expiringTargetsThatAreNotOriginFormPaths() {
        for (String target : new String[] {"http://example.com" + LINK, "https://user:pass@example.com" + LINK,
                "javascript:alert(1)//" + LINK}) {
            assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify(target));
        }
    }

    @Test
    void expiringHugeNumbers() {
        String sig = LINK.substring(LINK.indexOf("&signature="));
        for (String expires : new String[] {"99999999999999999999", "9223372036854775808", "1000000000000000000",
                "+1700000000", "-1", "01700000000", "1e10", "1700000000.0", " 1700000000", ""}) {
            assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify("/avatar/cat.png?expires=" + expires + sig));
        }
        // The largest canonical expiry (18 digits) parses; only the signature then fails.
        assertRejected(Rejection.BAD_SIGNATURE, 403, EXPIRING.verify("/avatar/cat.png?expires=999999999999999999" + sig));
        String manyParams = "/a.png?" + "a=1&".repeat(70) + "expires=1&signature=x";
        assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify(manyParams));
    }

    @Test
    void expiringDuplicatedParameters() {
        String sig = LINK.substring(LINK.indexOf("signature="));
        assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify(LINK + "&expires=1700000000"));
        assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify(LINK + "&" + sig));
        assertRejected(Rejection.MALFORMED, 400, EXPIRING.verify("/avatar/cat.png?&" + LINK.substring(LINK.indexOf('?') + 1)));
        // Other parameters may repeat: each is signed, in order.
        String twice = expiringLink("/a.png", new String[] {"w", "1", "w", "2"}, 1700000000L);
        assertEquals(2, EXPIRING.verify(twice).orElseThrow().params().size());
        assertRejected(Rejection.BAD_SIGNATURE, 403, EXPIRING.verify(twice.replace("w=1&w=2", "w=2&w=1")));
        assertRejected(Rejection.BAD_SIGNATURE, 403, EXPIRING.verify(twice.replace("w=1&w=2", "w=1")));
    }

    // ------------------------------------------------------------------ aurelia

    /** expiring.json tcId 5: seed 001's link, verified 10 s before it expires. */
    private static final String AURELIA_LINK = "/avatar/image.jpg?signature=AURELIA_13c18b76a1f11501d69699213e108560e789822e"
            + ".49cda1a6bc6f83c007f2d74e3326af35a5a90748.UC_b8819fe4b01777809f067c8321fff80537d1848adb4c236029cdb064f43ba629"
            + "&expires_at=1731744015";
    private static final AureliaLinkVerifier AURELIA = AureliaLinkVerifier.builder(KeySet.ofUtf8("super secret code"))
            .clock(Clock.fixed(Instant.ofEpochSecond(1731744005L), ZoneOffset.UTC)).build();

    @Test
    void aureliaEmptyNullSlashAndOnlyASignature() {
        String query = "?signature=AURELIA_x.y.UC_z";
        for (String target : new String[] {"", "/", "/avatar/", "/avatar/image.jpg", "/avatar/image.jpg" + query,
                "/avatar/image.jpg?expires_at=1731744015", "/avatar/image.jpg?signature=&expires_at=1731744015",
                "/avatar/image.jpg" + query + "&expires_at=", "/" + query + "&expires_at=1"}) {
            assertRejected(Rejection.MALFORMED, 400, AURELIA.verify(target));
        }
        assertRejected(Rejection.MALFORMED, 400, AURELIA.verify((String) null));
    }

    @Test
    void aureliaOverlong() {
        assertRejected(Rejection.TOO_LONG, 414, AURELIA.verify(ONE_MIB));
        // A hash longer than 512 characters is refused without PBKDF2 work: a plain 403.
        assertRejected(Rejection.BAD_SIGNATURE, 403, AURELIA.verify("/a.jpg?signature=AURELIA_" + "a".repeat(600)
                + ".b.UC_" + "c".repeat(64) + "&expires_at=1731744015"));
    }

    @Test
    void aureliaNulControlsBadEscapesAndInvalidUtf8InThePath() {
        for (String path : new String[] {"/avatar/image\u0000.jpg", "/avatar/image\n.jpg", "/avatar/image%zz.jpg",
                "/avatar/image.jpg%", "/avatar/%C3%28.jpg", "/avatar/%FF"}) {
            assertRejected(Rejection.MALFORMED, 400, AURELIA.verify(path + "?signature=x&expires_at=1"));
        }
    }

    @Test
    void aureliaQueryPairsWithBadEscapesOrSemicolonsAreSkipped() {
        // Go's url.Values skips such pairs, so the parameter is missing.
        assertRejected(Rejection.MALFORMED, 400, AURELIA.verify("/a.jpg?signature=%zz&expires_at=1"));
        assertRejected(Rejection.MALFORMED, 400, AURELIA.verify("/a.jpg?signature=x;y&expires_at=1"));
        assertRejected(Rejection.MALFORMED, 400, AURELIA.verify("/a.jpg?signature=x&expires_at=1;"));
    }

    @Test
    void aureliaHugeNumbers() {
        for (String expires : new String[] {"99999999999999999999", "9223372036854775808", "-9223372036854775809", "1e3",
                "+", "-", "12a", " 1", "0x10"}) {
            assertRejected(Rejection.MALFORMED, 400, AURELIA.verify("/a.jpg?signature=x&expires_at=" + expires));
        }
        // Beyond the maximum validity: 403 before any PBKDF2 work; a sign is not canonical: 400.
        assertRejected(Rejection.BAD_SIGNATURE, 403, AURELIA.verify("/a.jpg?signature=x&expires_at=9223372036854775807"));
        assertRejected(Rejection.MALFORMED, 400, AURELIA.verify("/a.jpg?signature=x&expires_at=-9223372036854775807"));
        // As seed 001's server: strconv.Atoi's extremes parse; the hash then does not authenticate.
        AureliaLinkVerifier seed = AureliaLinkVerifier.builder(KeySet.ofUtf8("super secret code"))
                .clock(Clock.fixed(Instant.ofEpochSecond(1731744005L), ZoneOffset.UTC)).acceptNonCanonicalExpiry(true)
                .signatureBeforeExpiry(true).maxValidity(java.time.Duration.ofSeconds(Long.MAX_VALUE)).build();
        assertRejected(Rejection.BAD_SIGNATURE, 403, seed.verify("/a.jpg?signature=x&expires_at=9223372036854775807"));
        assertRejected(Rejection.BAD_SIGNATURE, 403, seed.verify("/a.jpg?signature=x&expires_at=-9223372036854775807"));
    }

    @Test
    void aureliaVectorIsAccepted() {
        assertEquals(1731744015L, AURELIA.verify(AURELIA_LINK).orElseThrow().expiresAt());
    }

    @Test
    void aureliaDuplicatedParametersFirstWins() {
        String signature = AURELIA_LINK.substring(AURELIA_LINK.indexOf("signature=") + 10, AURELIA_LINK.indexOf('&'));
        assertRejected(Rejection.BAD_SIGNATURE, 403,
                AURELIA.verify("/avatar/image.jpg?signature=bad&signature=" + signature + "&expires_at=1731744015"));
        assertRejected(Rejection.BAD_SIGNATURE, 403,
                AURELIA.verify("/avatar/image.jpg?signature=" + signature + "&expires_at=1731744016&expires_at=1731744015"));
    }
}
