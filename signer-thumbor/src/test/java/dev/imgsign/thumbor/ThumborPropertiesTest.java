package dev.imgsign.thumbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.Verification;
import dev.imgsign.thumbor.ThumborOptions.FitIn;
import dev.imgsign.thumbor.ThumborOptions.HorizontalAlign;
import dev.imgsign.thumbor.ThumborOptions.TrimPosition;
import dev.imgsign.thumbor.ThumborOptions.VerticalAlign;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Round trips, tamper detection and total verification over arbitrary keys, options and image URLs. */
class ThumborPropertiesTest {
    private static final String REPLACEMENTS = "0aZ-_=%/:()x.?#~ \u00e9";

    @Provide
    Arbitrary<KeySet> keys() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(80).map(b -> KeySet.of(SigningKey.ofBytes(b)));
    }

    private static Arbitrary<String> text(int max) {
        Arbitrary<Integer> cp = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(1, Arbitraries.integers().between(0x00, 0x1f)),
                Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return cp.list().ofMaxSize(max).map(list -> {
            StringBuilder b = new StringBuilder();
            list.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    @Provide
    Arbitrary<String> images() {
        Arbitrary<String> scheme = Arbitraries.of("", "http://", "https://", "HTTP://");
        Arbitrary<String> host = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(15).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        return Combinators.combine(scheme, host, text(60)).as((s, h, p) -> s + h + "/" + p);
    }

    @Provide
    Arbitrary<ThumborOptions> options() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(ThumborOptions.ORIGINAL)),
                Tuple.of(6, Arbitraries.integers().between(0, Integer.MAX_VALUE)));
        Arbitrary<ThumborOptions.Builder> sizes = Combinators.combine(size, size, Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((w, h, fh, fv) -> ThumborOptions.builder().size(w, h)
                        .flipHorizontally(fh).flipVertically(fv));
        Arbitrary<int[]> crop = Arbitraries.integers().between(0, 5000).array(int[].class).ofSize(4).injectNull(0.6);
        Arbitrary<Integer> trim = Arbitraries.integers().between(-2, 300);
        Arbitrary<String> filters = Arbitraries.of("", "quality(80)", "fill(blue):round_corner(20,255,255,255)",
                "watermark(h.example/w a.png,0,0,50)", "blur(2)", "format(webp)");
        return Combinators.combine(sizes, crop, trim, Arbitraries.of(FitIn.values()), Arbitraries.of(HorizontalAlign.values()),
                Arbitraries.of(VerticalAlign.values()), Arbitraries.integers().between(0, 7), filters)
                .as((b, c, t, fit, ha, va, flags, f) -> {
                    if (c != null) {
                        b.crop(c[0], c[1], c[2], c[3]);
                    }
                    if (t >= -1) {
                        b.trim(t % 3 == 0 ? null : t % 3 == 1 ? TrimPosition.TOP_LEFT : TrimPosition.BOTTOM_RIGHT, t);
                    }
                    return b.fitIn(fit).horizontalAlign(ha).verticalAlign(va).debug((flags & 1) != 0)
                            .meta((flags & 2) != 0).smart((flags & 4) != 0).filters(f).build();
                });
    }

    @Property(tries = 400)
    void signThenVerifyGivesBackOptionsAndImage(@ForAll("keys") KeySet keys, @ForAll("options") ThumborOptions options,
            @ForAll("images") String image) {
        String url = ThumborSigner.builder(keys).build().sign(options, image);
        assertEquals(new Verification.Accepted<>(ThumborRequest.of(options, image), 0, ""),
                ThumborVerifier.builder(keys).build().verify(url));
    }

    @Property(tries = 400)
    void anySingleCharacterChangeIsRejected(@ForAll("options") ThumborOptions options, @ForAll("images") String image,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll @IntRange(min = 0, max = 17) int with) {
        KeySet keys = KeySet.ofUtf8("k");
        String url = ThumborSigner.builder(keys).build().sign(options, image);
        int i = where % url.length();
        char replacement = REPLACEMENTS.charAt(with);
        if (url.charAt(i) == replacement) {
            return;
        }
        String tampered = url.substring(0, i) + replacement + url.substring(i + 1);
        Verification<ThumborRequest> v = ThumborVerifier.builder(keys).build().verify(tampered);
        assertFalse(v.isAccepted(), tampered);
    }

    @Property(tries = 200)
    void paddingEscapedOnceOrTwiceStillVerifies(@ForAll("options") ThumborOptions options, @ForAll("images") String image) {
        KeySet keys = KeySet.ofUtf8("k");
        String url = ThumborSigner.builder(keys).build().sign(options, image);
        ThumborVerifier verifier = ThumborVerifier.builder(keys).build();
        assertTrue(verifier.verify(url.replaceFirst("=/", "%3D/")).isAccepted());
        assertTrue(verifier.verify(url.replaceFirst("=/", "%253D/")).isAccepted());
        assertEquals(Rejection.BAD_SIGNATURE, verifier.verify(url.replaceFirst("=/", "%3d/")).rejection().orElseThrow());
    }

    @Property(tries = 1000)
    void verifyNeverThrows(@ForAll("targets") String target, @ForAll boolean unsafe) {
        Verification<ThumborRequest> v = ThumborVerifier.builder(KeySet.ofUtf8("k")).allowUnsafe(unsafe).build().verify(target);
        assertNotNull(v);
        if (v instanceof Verification.Rejected<ThumborRequest> r) {
            assertNotNull(r.detail());
            assertTrue(r.httpStatus() == 400 || r.httpStatus() == 500 || r.reason() == Rejection.TOO_LONG, r.toString());
        }
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> token = Arbitraries.of("/", "unsafe/", "trim:", "top-left", ":", "1x2", "x", "-", "orig",
                "fit-in/", "filters:", "(", ")", ")/", "%", "%3D", "%25", "%zz", "%FF", "%C3%A9", "%5B", "]", "@", "?",
                "#", "smart/", "h.example", "http://", "=", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=", " ", "\u00e9", "\n");
        return Arbitraries.oneOf(token.list().ofMaxSize(20).map(l -> String.join("", l)), text(80),
                token.list().ofMaxSize(20).map(l -> "/" + String.join("", l)));
    }

    @Property(tries = 200)
    void signerNeverThrowsAnythingButIllegalArgument(@ForAll("options") ThumborOptions options, @ForAll("targets") String image) {
        try {
            String url = ThumborSigner.builder(KeySet.ofUtf8("k")).build().sign(options, image);
            assertTrue(ThumborVerifier.builder(KeySet.ofUtf8("k")).maxLength(1 << 20).build().verify(url).isAccepted(), url);
        } catch (IllegalArgumentException refused) {
            assertFalse(refused.getMessage().isEmpty());
        }
    }
}
