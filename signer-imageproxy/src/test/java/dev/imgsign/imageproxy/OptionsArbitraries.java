package dev.imgsign.imageproxy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of options shared by the property tests. */
final class OptionsArbitraries {
    private OptionsArbitraries() {
    }

    static Arbitrary<Double> sizes() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.integers().between(0, 5000).map(Integer::doubleValue),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, 1e6, 1e-5, 123456.7),
                Arbitraries.longs().map(l -> Double.longBitsToDouble(l)));
    }

    static Arbitrary<ImageproxyOptions> options() {
        Arbitrary<String> signatures = Arbitraries.strings().ofMaxLength(12)
                .withChars("ABCxyz019-_=/+%é").filter(s -> s.indexOf(',') < 0);
        Arbitrary<ImageproxyOptions.Format> formats = Arbitraries.of(ImageproxyOptions.Format.class).injectNull(0.5);
        Arbitrary<Long> ints = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-400, 400),
                Arbitraries.just(0L));
        return Combinators.combine(
                Combinators.combine(sizes(), sizes(), Arbitraries.of(true, false), ints, Arbitraries.of(true, false),
                        Arbitraries.of(true, false), ints, signatures).as(Partial::new),
                Combinators.combine(Arbitraries.of(true, false), formats, sizes(), sizes(), sizes(), sizes(),
                        Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Partial2::new),
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, Long.MAX_VALUE)))
                .as((p, q, vu) -> ImageproxyOptions.builder().size(p.w, p.h).fit(p.fit).rotate(p.rotate)
                        .flipVertical(p.fv).flipHorizontal(p.fh).quality(p.quality).signature(p.sig)
                        .scaleUp(q.scaleUp).format(q.format).cropX(q.cx).cropY(q.cy).cropWidth(q.cw)
                        .cropHeight(q.ch).smartCrop(q.sc).trim(q.trim).validUntil(vu).build());
    }

    record Partial(double w, double h, boolean fit, long rotate, boolean fv, boolean fh, long quality, String sig) {
    }

    record Partial2(boolean scaleUp, ImageproxyOptions.Format format, double cx, double cy, double cw, double ch,
            boolean sc, boolean trim) {
    }
}
