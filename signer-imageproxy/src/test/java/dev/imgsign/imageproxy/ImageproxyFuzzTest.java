package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.HostNames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fuzz targets for the imageproxy verifier and the options grammar. Inputs are read as UTF-8.
 *
 * <p>{@code mvn -B verify} replays
 * {@code src/test/resources/dev/imgsign/imageproxy/ImageproxyFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes one target (see the root README, "Robustness").
 */
class ImageproxyFuzzTest {
    /** The published vectors' key first, so the seed corpus holds accepted requests. */
    private static final KeySet KEYS = KeySet.of(SigningKey.ofUtf8("secretkey"), SigningKey.ofUtf8("older key"));
    /** Before every vu of the seeds but those Go's year-1 arithmetic wraps around. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int BIG = 1 << 20;

    private static final ImageproxySigner SIGNER = ImageproxySigner.builder(KEYS).baseUrl("").clock(CLOCK).build();
    private static final ImageproxySigner BASE64_SIGNER = ImageproxySigner.builder(KEYS).baseUrl("").clock(CLOCK)
            .remoteUrlForm(ImageproxySigner.RemoteUrlForm.BASE64).build();
    private static final ImageproxyVerifier LENIENT = ImageproxyVerifier.builder(KEYS).clock(CLOCK).build();
    private static final ImageproxyVerifier POLICY = ImageproxyVerifier.builder(KEYS).clock(CLOCK)
            .requireSignedOptions(true).allowHosts(List.of("allowed.example", "192.168.0.0/16"))
            .denyHosts(List.of("*.evil.example", "10.0.0.0/8")).build();
    private static final ImageproxyVerifier BIG_VERIFIER =
            ImageproxyVerifier.builder(KEYS).clock(CLOCK).requireSignedOptions(true).maxLength(BIG).build();
    private static final ImageproxyOptions SOME_OPTIONS = ImageproxyOptions.parse("100x200,q75,fit");
    /** Per key index: signers over URL and options, and over the URL only (the oracle of the fragment rule). */
    private static final ImageproxySigner[] OPTIONS_SIGNERS = {SIGNER,
            ImageproxySigner.builder(KeySet.ofUtf8("older key")).baseUrl("").clock(CLOCK).build()};
    private static final ImageproxySigner[] URL_ONLY_SIGNERS = {
            ImageproxySigner.builder(KEYS).baseUrl("").clock(CLOCK).signOptions(false).build(),
            ImageproxySigner.builder(KeySet.ofUtf8("older key")).baseUrl("").clock(CLOCK).signOptions(false)
                    .build()};
    private static final ImageproxyVerifier DENYING = ImageproxyVerifier.builderWithoutKeys().acceptUnsignedRequests()
            .clock(CLOCK).denyHosts(List.of("evil.example", "*.bad.example", "10.0.0.0/8", "::1")).build();
    private static final ImageproxyVerifier ALLOWING = ImageproxyVerifier.builderWithoutKeys().clock(CLOCK)
            .allowHosts(List.of("img.example", "*.cdn.example", "192.168.0.0/16")).build();
    private static final ImageproxyVerifier REFERRERS = ImageproxyVerifier.builder(KEYS).clock(CLOCK)
            .referrers(List.of("site.example", "*.site.example")).build();

    @FuzzTest(maxDuration = "5m")
    void verify(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        checkVerify(LENIENT, s);
        checkVerify(POLICY, s);
        checkSignThenVerify(SIGNER, s);
        checkSignThenVerify(BASE64_SIGNER, s);
    }

    /**
     * Host lists: the input is a remote host (and a Referer). Oracle, independent of the list code: whatever the
     * spelling, an accepted request's host, as a browser reads it ({@code HostNames.canonical}), is not
     * denied, and one accepted without a signature is allowed; IPv4 spellings other than dotted decimal and
     * hosts a browser refuses are never accepted while hosts are denied.
     */
    @FuzzTest(maxDuration = "5m")
    void hostLists(byte[] input) {
        String host = new String(input, StandardCharsets.UTF_8);
        String target = "/100/https://" + host + "/a.jpg";
        Verification<ImageproxyRequest> denied = DENYING.verify(target);
        Verification<ImageproxyRequest> allowed = ALLOWING.verify(target);
        checkVerify(DENYING, target);
        checkVerify(ALLOWING, target);
        Verification<ImageproxyRequest> referred = REFERRERS.verify(ProxyRequest.of(
                "/400x400,q40,s0sR2kjyfiF1RQRj4Jm2fFa3_6SDFqdAaDEmy1oD2U-4=/https://octodex.github.com/images/codercat.jpg",
                "https://" + host + "/page"));
        assertNotNull(referred);
        if (!plainHost(host)) {
            return; // the host part of the URL is not the whole input: the oracle below does not apply
        }
        String browser = HostNames.canonical(host);
        String name = browser == null ? null : stripDots(browser);
        if (denied.isAccepted()) {
            assertNotNull(name, () -> "accepted a host browsers refuse while hosts are denied: " + host);
            assertFalse(name.equals("evil.example") || name.endsWith("bad.example") || name.equals("[::1]")
                    || ipv4(name, host) != null && ipv4(name, host)[0] == 10, () -> "denied host accepted: " + host);
        }
        if (allowed.isAccepted()) {
            assertNotNull(name, host);
            int[] ip = ipv4(name, host);
            assertTrue(name.equals("img.example") || name.equals("cdn.example") || name.endsWith(".cdn.example")
                    || ip != null && ip[0] == 192 && ip[1] == 168, () -> "host not allowed but accepted: " + host);
        }
        if (referred.isAccepted()) {
            assertNotNull(name, host);
            assertTrue(name.equals("site.example") || name.endsWith(".site.example"), () -> "referrer " + host);
        }
    }

    /** Whether the input is all host (no userinfo, port, path, query, fragment, whitespace or controls). */
    private static boolean plainHost(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || "/?#@\\%".indexOf(c) >= 0 || c == ':' && !s.startsWith("[")) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String stripDots(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * The IPv4 address of a canonical host (dotted decimal, or an IPv4-mapped IPv6 literal), else null. An IPv4
     * spelling other than dotted decimal must never have been accepted, so it fails here.
     */
    private static int[] ipv4(String canonical, String raw) {
        if (canonical.startsWith("[::ffff:") && canonical.indexOf('.') < 0) {
            String[] p = canonical.substring(8, canonical.length() - 1).split(":");
            if (p.length == 2) {
                int hi = Integer.parseInt(p[0], 16);
                int lo = Integer.parseInt(p[1], 16);
                return new int[] {hi >> 8, hi & 0xff, lo >> 8, lo & 0xff};
            }
            return null;
        }
        String[] parts = canonical.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            out[i] = Integer.parseInt(parts[i]);
        }
        String rawLower = stripDots(raw).toLowerCase(java.util.Locale.ROOT);
        assertEquals(canonical, rawLower, () -> "an IPv4 host not in dotted decimal was accepted: " + raw);
        return out;
    }

    @FuzzTest(maxDuration = "5m")
    void parseOptions(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        ImageproxyOptions options = ImageproxyOptions.parse(s);
        assertNotNull(options);
        String canonical = options.toString();
        // The canonical form is a fixed point: it parses back to the same options and prints the same.
        ImageproxyOptions again = ImageproxyOptions.parse(canonical);
        assertEquals(options, again, () -> "options " + s + " -> " + canonical);
        assertEquals(canonical, again.toString());
        assertEquals(options.withoutSignature().toString(), options.canonicalWithoutSignature());
    }

    /** verify answers; a rejection is well-formed; an acceptance re-signs to a URL accepted again. */
    private static void checkVerify(ImageproxyVerifier verifier, String target) {
        Verification<ImageproxyRequest> v = verifier.verify(target);
        assertNotNull(v);
        if (v instanceof Verification.Rejected<ImageproxyRequest> r) {
            assertNotNull(r.reason());
            assertNotNull(r.detail());
            assertTrue(r.httpStatus() >= 400 && r.httpStatus() < 500, "status " + r.httpStatus());
            return;
        }
        ImageproxyRequest accepted = v.orElseThrow();
        int keyIndex = ((Verification.Accepted<ImageproxyRequest>) v).keyIndex();
        boolean byKey = keyIndex >= 0;
        if (byKey) {
            checkSignatureBindsOptions(accepted, keyIndex, target);
        }
        String again;
        try {
            again = SIGNER.sign(accepted.remoteUrl(), accepted.options());
        } catch (IllegalArgumentException e) {
            // An allow-listed host is served unsigned, whatever its URL; a signed request was signable.
            assertTrue(!byKey, () -> "accepted " + target + " by key but cannot re-sign it: " + e.getMessage());
            return;
        }
        ImageproxyRequest reaccepted = verifier.verify(again).orElseThrow();
        assertEquals(accepted.options().withoutSignature(), reaccepted.options().withoutSignature(), again);
        if (byKey) {
            assertEquals(accepted.remoteUrl(), reaccepted.remoteUrl(), again);
        }
        // Accepted without a key (allow-listed host), the remote query is the proxy's query verbatim, which may
        // hold what no signer emits: '#' (finding-hash-in-query) or bytes clients escape, such as raw non-ASCII
        // (finding-raw-non-ascii-query). Re-signing then names the URL as clients send it, a different string.
    }

    /**
     * Issue 13 finding 1: a request accepted by key carries either the signature over its URL and its own
     * options, or the URL-only signature of its URL with no options at all; never a signature made for other
     * options (in particular not one whose URL#options message came back through a fragment).
     */
    private static void checkSignatureBindsOptions(ImageproxyRequest accepted, int keyIndex, String target) {
        ImageproxyOptions options = accepted.options().withoutSignature();
        byte[] got = ImageproxyVerifier.decodeSignature(accepted.options().signature());
        byte[] overOptions;
        byte[] overUrl;
        try {
            overOptions = ImageproxyVerifier.decodeSignature(OPTIONS_SIGNERS[keyIndex].signature(accepted.remoteUrl(),
                    options));
            overUrl = ImageproxyVerifier.decodeSignature(URL_ONLY_SIGNERS[keyIndex].signature(accepted.remoteUrl(),
                    options));
        } catch (IllegalArgumentException e) {
            fail("accepted " + target + " by key but cannot re-sign it: " + e.getMessage());
            return;
        }
        boolean noOptions = options.canonicalWithoutSignature().equals("0x0");
        assertTrue(java.util.Arrays.equals(got, overOptions) || noOptions && java.util.Arrays.equals(got, overUrl),
                () -> "accepted " + target + " with a signature made for other options or another URL");
    }

    /**
     * Whatever the signer signs, a verifier with the same key and no host policy accepts, with the URL
     * the signer normalised to; signing that URL again gives the same proxy URL.
     */
    private static void checkSignThenVerify(ImageproxySigner signer, String remoteUrl) {
        String signed;
        try {
            signed = signer.sign(remoteUrl, SOME_OPTIONS);
        } catch (IllegalArgumentException refused) {
            return;
        }
        Verification<ImageproxyRequest> v = BIG_VERIFIER.verify(signed);
        if (v instanceof Verification.Rejected<ImageproxyRequest> r) {
            fail("signed " + signed + " for " + remoteUrl + " but it is refused: " + r);
        }
        ImageproxyRequest accepted = v.orElseThrow();
        assertEquals(SOME_OPTIONS, accepted.options().withoutSignature());
        assertEquals(signed, signer.sign(accepted.remoteUrl(), SOME_OPTIONS), () -> "re-signing " + accepted);
    }
}
