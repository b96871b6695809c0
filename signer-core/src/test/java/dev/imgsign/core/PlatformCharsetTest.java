package dev.imgsign.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** Proves that the build's second test run really executes under a non-UTF-8 platform charset. */
class PlatformCharsetTest {

    @Test
    void foreignCharsetRunHasTheForeignDefault() {
        String expected = System.getProperty("imgsign.expectedDefaultCharset");
        if (expected != null) {
            assertEquals(Charset.forName(expected), Charset.defaultCharset());
        }
    }
}
