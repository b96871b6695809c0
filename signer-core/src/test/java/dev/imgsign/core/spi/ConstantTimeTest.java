package dev.imgsign.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @Property
    void compareIsSymmetricAndExact(@ForAll @Size(max = 40) byte[] a, @ForAll @Size(max = 40) byte[] b) {
        assertEquals(Arrays.equals(a, b), ConstantTime.equals(a, b));
        assertEquals(ConstantTime.equals(a, b), ConstantTime.equals(b, a));
    }

    @Property
    void aValueEqualsItsCopyAndNotAnyOneByteChange(@ForAll @Size(min = 1, max = 40) byte[] a,
                                                   @ForAll @IntRange(max = 39) int position,
                                                   @ForAll @IntRange(min = 1, max = 255) int flip) {
        assertTrue(ConstantTime.equals(a, a.clone()));
        byte[] changed = a.clone();
        int i = position % a.length;
        changed[i] = (byte) (changed[i] ^ flip);
        assertFalse(ConstantTime.equals(a, changed));
        assertFalse(ConstantTime.equals(a, Arrays.copyOf(a, a.length + 1)), "a longer value never matches");
    }

    @Test
    void nullEqualsNothing() {
        assertFalse(ConstantTime.equals(null, null));
        assertFalse(ConstantTime.equals(new byte[0], null));
        assertFalse(ConstantTime.equals(null, new byte[0]));
    }
}
