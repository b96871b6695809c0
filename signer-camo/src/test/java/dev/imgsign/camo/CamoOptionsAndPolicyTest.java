package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.Verification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Builder and provider options, the dialect/encoding matrix, the query escaping and the address policy. */
class CamoOptionsAndPolicyTest {
    private static final String SECRET = "test-secret-value";
    private static final KeySet KEYS = KeySet.ofUtf8(SECRET);

    private static String hexTarget(String url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
            return "/" + HexFormat.of().formatHex(mac.doFinal(bytes)) + "/" + HexFormat.of().formatHex(bytes);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void queryFormEscapesAllButUnreservedAsCpythonQuoteDoes() {
        String url = "http://a/@AZ[`az{/09:-._~ %é";
        // CPython 3.11: urllib.parse.quote(url, safe='')
        String quoted = "http%3A%2F%2Fa%2F%40AZ%5B%60az%7B%2F09%3A-._~%20%25%C3%A9";
        String signed = CamoSigner.builder(KEYS).encoding(CamoEncoding.QUERY).build().sign(url);
        assertEquals(hexTarget(url).substring(0, 41) + "?url=" + quoted, signed);
    }

    @Test
    void dialectsAcceptTheirEncodings() {
        assertTrue(CamoDialect.GO_CAMO.accepts(CamoEncoding.HEX));
        assertTrue(CamoDialect.GO_CAMO.accepts(CamoEncoding.BASE64));
        assertFalse(CamoDialect.GO_CAMO.accepts(CamoEncoding.QUERY));
        assertTrue(CamoDialect.ATMOS_CAMO.accepts(CamoEncoding.HEX));
        assertFalse(CamoDialect.ATMOS_CAMO.accepts(CamoEncoding.BASE64));
        assertTrue(CamoDialect.ATMOS_CAMO.accepts(CamoEncoding.QUERY));
    }

    @Test
    void signerAccessorsAndPrefix() {
        CamoSigner signer = CamoSigner.builder(KEYS).prefix("https://img.example.org//").encoding(CamoEncoding.BASE64).build();
        assertEquals("https://img.example.org", signer.prefix());
        assertEquals(CamoEncoding.BASE64, signer.encoding());
        assertEquals("", CamoSigner.builder(KEYS).prefix("/").build().prefix());
        assertEquals("x", CamoSigner.builder(KEYS).prefix("x").build().prefix());
        for (Object o : new Object[] {signer, CamoVerifier.builder(KEYS).build()}) {
            assertFalse(o.toString().contains(SECRET), o.toString());
            assertTrue(o.toString().contains("redacted"), o.toString());
        }
    }

    @Test
    void maxLengthIsInclusive() {
        String target = hexTarget("http://example.com/a.png");
        CamoVerifier exact = CamoVerifier.builder(KEYS).maxLength(target.length()).build();
        assertTrue(exact.verify(target).isAccepted());
        assertEquals(Rejection.TOO_LONG, exact.verify(target + "?").rejection().orElseThrow());
        assertEquals(Rejection.TOO_LONG, CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO)
                .maxLength(target.length() - 1).build().verify(target).rejection().orElseThrow());
        assertTrue(CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).maxLength(target.length()).build()
                .verify(target).isAccepted());
        CamoVerifier.builder(KEYS).maxLength(1);
        assertThrows(IllegalArgumentException.class, () -> CamoVerifier.builder(KEYS).maxLength(0));
    }

    @Test
    void providerOptions() {
        CamoSchemeProvider provider = new CamoSchemeProvider();
        SchemeConfig.Builder base = SchemeConfig.builder().keys(KEYS);
        CamoVerifier v = provider.verifier(SchemeConfig.builder().keys(KEYS).option("dialect", " Atmos-Camo ")
                .option("maxLength", "1").option("rejectPrivateAddresses", "TRUE").build());
        assertEquals(CamoDialect.ATMOS_CAMO, v.dialect());
        assertEquals(Rejection.TOO_LONG, v.verify("/ab").rejection().orElseThrow());
        CamoVerifier lenient = provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("dialect", "go-camo").option("rejectPrivateAddresses", "false").build());
        assertEquals(CamoDialect.GO_CAMO, lenient.dialect());
        assertTrue(lenient.verify(hexTarget("http://127.0.0.1/a.png")).isAccepted());
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("maxLength", "0").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("maxLength", "x").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("dialect", "nginx").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("rejectPrivateAddresses", "yes").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.verifier(SchemeConfig.builder().keys(KEYS)
                .option("encodingg", "hex").build()));
        assertThrows(IllegalArgumentException.class, () -> provider.signer(base.option("encoding", "b64").build()));
        CamoSigner s = provider.signer(SchemeConfig.builder().keys(KEYS).option("encoding", "BASE64")
                .option("skipHttps", "true").option("prefix", "https://p/").build());
        assertEquals(CamoEncoding.BASE64, s.encoding());
        assertEquals("https://x/a", s.sign("https://x/a"));
        assertEquals(CamoEncoding.QUERY, provider.signer(SchemeConfig.builder().keys(KEYS).option("encoding", "query")
                .option("skipHttps", "false").build()).encoding());
        assertEquals(CamoEncoding.HEX, provider.signer(SchemeConfig.builder().keys(KEYS).option("encoding", "hex").build())
                .encoding());
    }

    /** IANA special-purpose ranges at their edges (RFC 1918, 1122, 3927, 4193, 4291, 5737, 3849...), literals only. */
    @Test
    void privateAddressPolicyAtTheRangeEdges() {
        CamoVerifier go = CamoVerifier.builder(KEYS).rejectPrivateAddresses(true).build();
        CamoVerifier atmos = CamoVerifier.builder(KEYS).dialect(CamoDialect.ATMOS_CAMO).rejectPrivateAddresses(true).build();
        String[] refused = {"localhost", "LOCALHOST", "a.localhost", "localhost.", "127.0.0.1", "127.255.255.255", "0.0.0.0",
            "0.1.2.3", "10.0.0.0", "10.255.255.255", "172.16.0.0", "172.31.255.255", "192.168.0.0", "192.168.255.255",
            "169.254.0.1", "[::1]", "[::]", "[fe80::1]", "[fc00::1]", "[fdff::1]", "[fec0::1]", "[::ffff:10.0.0.1]",
            "127.1", "2130706433", "0x7f.1", "0177.0.0.1", "10.1", "[fe80::1%25eth0]", "[2001:db8::1]",
            "100.64.0.0", "100.127.255.255", "192.0.2.1", "198.18.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255",
            "0xg.1", "1.2.3.256", "localhost..", "straße.example", "010.0.0.1"};
        String[] allowed = {"example.com", "localhost.example", "mylocalhost", "1.2.3.4", "9.255.255.255", "11.0.0.0",
            "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "169.253.255.255", "169.255.0.0",
            "100.63.255.255", "100.128.0.0", "[::ffff:8.8.8.8]", "[2606:4700::1111]", "[fbff::1]", "[fe00::1]",
            "1.2.a", "deadbeef", "x", "bücher.example", "0100.0.0.1"};
        for (String host : refused) {
            String t = hexTarget("http://" + host + "/a.png");
            Verification.Rejected<String> r = (Verification.Rejected<String>) go.verify(t);
            assertEquals(Rejection.TARGET_REFUSED, r.reason(), host);
            assertEquals(404, r.httpStatus(), host);
            assertTrue(r.detail().startsWith("target host is "), r.detail());
            assertEquals(Rejection.TARGET_REFUSED, atmos.verify(t).rejection().orElse(null), host);
        }
        for (String host : allowed) {
            String t = hexTarget("http://" + host + "/a.png");
            assertTrue(go.verify(t).isAccepted(), host + ": " + go.verify(t));
        }
    }
}
