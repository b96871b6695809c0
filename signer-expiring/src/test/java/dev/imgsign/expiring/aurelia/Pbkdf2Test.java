package dev.imgsign.expiring.aurelia;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The allocation-free PBKDF2 equals the reference (the code it replaced) and RFC 6070. */
class Pbkdf2Test {
    @Property(tries = 300)
    void equalsTheReference(@ForAll @Size(max = 150) byte[] password, @ForAll @Size(max = 90) byte[] salt,
            @ForAll @IntRange(min = 1, max = 40) int iterations, @ForAll @IntRange(min = 1, max = 70) int length) {
        assertArrayEquals(Pbkdf2Reference.hmacSha1(password, salt, iterations, length),
                Pbkdf2.hmacSha1(password, salt, iterations, length));
    }

    @Test
    void equalsTheReferenceAtAureliasParameters() {
        byte[] password = "0123456789abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] salt = "13c18b76a1f11501d69699213e108560e789822e".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertArrayEquals(Pbkdf2Reference.hmacSha1(password, salt, Aurelia.ITERATIONS, Aurelia.DK_LENGTH),
                Pbkdf2.hmacSha1(password, salt, Aurelia.ITERATIONS, Aurelia.DK_LENGTH));
    }

    /** 4096 rounds allocate what one round does (the reference allocated about 3.2 MB). */
    @Test
    void roundsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            return;
        }
        byte[] password = new byte[20];
        byte[] salt = new byte[40];
        for (int i = 0; i < 50; i++) {
            Pbkdf2.hmacSha1(password, salt, 4096, 32);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        Pbkdf2.hmacSha1(password, salt, 1, 32);
        long one = threads.getThreadAllocatedBytes(id) - before;
        before = threads.getThreadAllocatedBytes(id);
        Pbkdf2.hmacSha1(password, salt, 4096, 32);
        long many = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(many - one < 4096, "4096 rounds allocated " + many + " bytes, one round " + one);
    }

    /** RFC 6070's PBKDF2-HMAC-SHA1 test vectors (the 16777216-iteration one left out for time). */
    @Test
    void pbkdf2MatchesRfc6070() {
        byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
        byte[] salt = "salt".getBytes(StandardCharsets.US_ASCII);
        assertEquals("0c60c80f961f0e71f3a9b524af6012062fe037a6", hex(Pbkdf2.hmacSha1(password, salt, 1, 20)));
        assertEquals("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957", hex(Pbkdf2.hmacSha1(password, salt, 2, 20)));
        assertEquals("4b007901b765489abead49d926f721d065a429c1", hex(Pbkdf2.hmacSha1(password, salt, 4096, 20)));
        assertEquals("3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038", hex(Pbkdf2.hmacSha1(
                "passwordPASSWORDpassword".getBytes(StandardCharsets.US_ASCII),
                "saltSALTsaltSALTsaltSALTsaltSALTsalt".getBytes(StandardCharsets.US_ASCII), 4096, 25)));
        assertEquals("56fa6aa75548099dcc37d7f03425e0c3", hex(Pbkdf2.hmacSha1(
                "pass\0word".getBytes(StandardCharsets.US_ASCII), "sa\0lt".getBytes(StandardCharsets.US_ASCII), 4096, 16)));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
