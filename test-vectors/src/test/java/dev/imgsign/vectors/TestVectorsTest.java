package dev.imgsign.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TestVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"camo", "imageproxy", "weekly", "expiring", "imgproxy", "thumbor"})
    void everyFileLoadsWithUniqueIdsAndASourceForEachTest(String scheme) {
        TestVectors vectors = TestVectors.load(scheme);
        assertEquals(scheme, vectors.scheme());
        assertFalse(vectors.algorithm().isEmpty());
        Set<Integer> ids = new HashSet<>();
        for (TestVectors.Vector v : vectors.all()) {
            assertTrue(ids.add(v.tcId()), "duplicate tcId " + v.tcId());
            assertFalse(v.source().isEmpty(), v + " names no source");
            v.valid();
        }
    }

    @Test
    void testInputsFallBackToTheirGroup() {
        TestVectors.Vector v = TestVectors.load("camo").all().get(0);
        assertEquals("test", v.get("key"));
        assertEquals(List.of("Published"), v.flags());
        assertTrue(v.hasFlag("Published"));
        assertThrows(IllegalStateException.class, () -> v.get("no-such-field"));
    }

    @Test
    void missingFileIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> TestVectors.load("nope"));
    }
}
