package dev.imgsign.core;

import dev.imgsign.core.spi.HmacAlgorithm;
import dev.imgsign.core.spi.HmacKeyRing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    @Test
    void factoriesAgreeOnTheSameBytes() {
        byte[] bytes = "secretkey".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(bytes, SigningKey.ofUtf8("secretkey").copyBytes());
        assertArrayEquals(bytes, SigningKey.ofBytes(bytes).copyBytes());
        assertArrayEquals(bytes, SigningKey.ofHex("7365637265746B6579").copyBytes());
        assertArrayEquals(bytes, SigningKey.ofBase64("c2VjcmV0a2V5").copyBytes());
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, SigningKey.ofBase64("-_8").copyBytes());
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, SigningKey.ofBase64("+/8=").copyBytes());
    }

    @Test
    void utf8KeyUsesUtf8WhateverThePlatformCharset() {
        assertArrayEquals(new byte[] {(byte) 0xc3, (byte) 0xa9}, SigningKey.ofUtf8("é").copyBytes());
    }

    @Test
    void emptyKeyIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SigningKey.ofUtf8(""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SigningKey.ofBytes(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> SigningKey.ofHex(""));
        assertThrows(IllegalArgumentException.class, () -> SigningKey.ofBase64(""));
    }

    @Test
    void badEncodingsAreRefusedWithoutEchoingTheInput() {
        IllegalArgumentException hex = assertThrows(IllegalArgumentException.class, () -> SigningKey.ofHex("zz-secret"));
        assertFalse(hex.getMessage().contains("zz-secret"));
        IllegalArgumentException b64 = assertThrows(IllegalArgumentException.class, () -> SigningKey.ofBase64("!!secret"));
        assertFalse(b64.getMessage().contains("!!secret"));
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] bytes = {1, 2, 3};
        SigningKey key = SigningKey.ofBytes(bytes);
        bytes[0] = 9;
        byte[] out = key.copyBytes();
        assertEquals(1, out[0]);
        out[1] = 9;
        assertEquals(2, key.copyBytes()[1]);
        assertNotSame(key.copyBytes(), key.copyBytes());
    }

    @Test
    void idIsALabelNotPartOfTheSecret() {
        SigningKey key = SigningKey.ofUtf8("s").withId("2026-q4");
        assertEquals("2026-q4", key.id());
        assertArrayEquals(SigningKey.ofUtf8("s").copyBytes(), key.copyBytes());
        assertTrue(key.toString().contains("2026-q4"));
    }

    @Property(tries = 300)
    void toStringNeverShowsTheSecret(@ForAll @NotEmpty String secret) {
        Assume.that(secret.strip().length() >= 3 && !secret.contains("bytes") && !secret.contains("redacted"));
        SigningKey key = SigningKey.ofUtf8(secret);
        assertFalse(key.toString().contains(secret));
        assertFalse(KeySet.of(key).toString().contains(secret));
        assertFalse(HmacKeyRing.of(HmacAlgorithm.SHA256, KeySet.of(key)).toString().contains(secret));
    }

    @Property(tries = 200)
    void toStringNeverShowsTheSecretInHex(@ForAll @Size(min = 2, max = 64) byte[] secret) {
        String hex = HexFormat.of().formatHex(secret);
        String text = SigningKey.ofBytes(secret).toString();
        assertFalse(text.contains(hex));
        assertFalse(text.toLowerCase().contains(hex));
    }
}
