package dev.imgsign.imageproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imgsign.peer.go.GoStrconv;
import dev.imgsign.vectors.TestVectors;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ImageproxyOptionsTest {

    /** Published examples and every grammar consequence, canonical forms computed by Go (see vectors). */
    @TestFactory
    Stream<DynamicTest> canonicalFormMatchesVectors() {
        List<TestVectors.Vector> vectors = TestVectors.load("imageproxy").tests("ImageproxyCanonicalOptions");
        assertTrue(vectors.size() > 100);
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v.toString(), () ->
                assertEquals(v.get("canonical"), ImageproxyOptions.parse(v.get("options")).toString(),
                        "options '" + v.get("options") + "'")));
    }

    @Test
    void canonicalFormOfACanonicalFormIsItself() {
        for (TestVectors.Vector v : TestVectors.load("imageproxy").tests("ImageproxyCanonicalOptions")) {
            String canonical = v.get("canonical");
            assertEquals(canonical, ImageproxyOptions.parse(canonical).toString(), v.toString());
        }
    }

    @Test
    void fieldsAreReadFromEveryOption() {
        ImageproxyOptions o = ImageproxyOptions.parse(
                "100x0.5,fit,r90,fv,fh,q75,sSIG,scaleUp,png,cx1,cy2,cw3,ch4,sc,trim,vu1800000000");
        assertEquals(100, o.width());
        assertEquals(0.5, o.height());
        assertTrue(o.fit());
        assertEquals(90, o.rotate());
        assertTrue(o.flipVertical());
        assertTrue(o.flipHorizontal());
        assertEquals(75, o.quality());
        assertEquals("SIG", o.signature());
        assertTrue(o.scaleUp());
        assertEquals(ImageproxyOptions.Format.PNG, o.format().orElseThrow());
        assertEquals(1, o.cropX());
        assertEquals(2, o.cropY());
        assertEquals(3, o.cropWidth());
        assertEquals(4, o.cropHeight());
        assertTrue(o.smartCrop());
        assertTrue(o.trim());
        assertEquals(1800000000L, o.validUntil());
        assertEquals(Instant.ofEpochSecond(1800000000L), o.validUntilInstant().orElseThrow());
        assertEquals("0.5", GoStrconv.formatFloat(o.height()));
        assertEquals("100x0.5,ch4,cw3,cx1,cy2,fh,fit,fv,png,q75,r90,sSIG,sc,scaleUp,trim,vu1800000000", o.toString());
        assertEquals("100x0.5,ch4,cw3,cx1,cy2,fh,fit,fv,png,q75,r90,sc,scaleUp,trim,vu1800000000",
                o.canonicalWithoutSignature());
    }

    @Test
    void builderProducesTheSameValueAsParsing() {
        ImageproxyOptions built = ImageproxyOptions.builder().size(400, 400).quality(40).build();
        assertEquals(ImageproxyOptions.parse("q40,400"), built);
        assertEquals("400x400,q40", built.toString());
        assertEquals(built, built.toBuilder().build());
        assertEquals(built.hashCode(), ImageproxyOptions.parse("400x400,q40").hashCode());
        assertEquals("0x0", ImageproxyOptions.NONE.toString());
        assertEquals(ImageproxyOptions.NONE, ImageproxyOptions.parse(null));
    }

    @Test
    void signatureHelpers() {
        ImageproxyOptions signed = ImageproxyOptions.parse("100,sXYZ");
        assertEquals("100x100,sXYZ", signed.toString());
        assertEquals("100x100", signed.withoutSignature().toString());
        assertEquals("100x100,sABC", signed.withSignature("ABC").toString());
        assertEquals(signed.withoutSignature(), signed.withSignature(""));
        assertThrows(IllegalArgumentException.class, () -> signed.withSignature("a,b"));
    }

    @Test
    void negativeZeroSizeIsKeptButNegativeZeroCropIsZero() {
        ImageproxyOptions o = ImageproxyOptions.builder().width(-0.0).cropX(-0.0).build();
        assertEquals("-0x0", o.toString());
        assertEquals(ImageproxyOptions.parse("-0x0"), o);
        assertNotEquals(ImageproxyOptions.parse("0x0"), o);
        assertEquals(ImageproxyOptions.parse("cx-0"), ImageproxyOptions.NONE);
    }

    @Test
    void nanEqualsNan() {
        assertEquals(ImageproxyOptions.parse("NaN"), ImageproxyOptions.parse("nan"));
        assertEquals("NaNxNaN,cxNaN", ImageproxyOptions.builder().size(Double.NaN, Double.NaN).cropX(Double.NaN)
                .build().toString());
    }

    @Test
    void builderRejectsWhatCannotBeExpressed() {
        assertThrows(IllegalArgumentException.class, () -> ImageproxyOptions.builder().validUntil(-1));
        assertThrows(IllegalArgumentException.class, () -> ImageproxyOptions.builder().validUntil(Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> ImageproxyOptions.builder().signature(","));
        assertFalse(ImageproxyOptions.builder().validUntil(0).build().validUntilInstant().isPresent());
    }

    @Test
    void sortingIsBytewiseForNonAsciiSignatures() {
        // U+FF21 sorts before U+1F600 in UTF-8 byte order but after it in UTF-16 order.
        ImageproxyOptions a = ImageproxyOptions.parse("s\uFF21");
        assertEquals("0x0,s\uFF21", a.toString());
        String canonical = ImageproxyOptions.builder().signature("\uD83D\uDE00").format(ImageproxyOptions.Format.JPEG)
                .build().toString();
        assertEquals("0x0,jpeg,s\uD83D\uDE00", canonical);
    }
}
