package dev.imgsign.expiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The allocation-free PBKDF2 equals the reference (the code it replaced); RFC 6070 is in ExpiringInternalsTest. */
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
}
