package dev.imgsign.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SignedUrlsTest {
    private static final String PREFIX = "https://img.example.org";

    @Test
    void stripsTheConfiguredPrefixBeforeSlashOrQuestionMark() {
        assertEquals("/abc/def", SignedUrls.requestTarget(PREFIX + "/abc/def", PREFIX));
        assertEquals("?url=x", SignedUrls.requestTarget(PREFIX + "?url=x", PREFIX));
        assertEquals("/d/u", SignedUrls.requestTarget("/camo/d/u", "/camo"));
    }

    @Test
    void leavesEverythingElseAsItWas() {
        assertSame("/abc", SignedUrls.requestTarget("/abc", PREFIX));
        assertSame("/abc", SignedUrls.requestTarget("/abc", ""));
        assertSame("/abc", SignedUrls.requestTarget("/abc", null));
        assertNull(SignedUrls.requestTarget(null, PREFIX));
        // Another host that merely starts with the prefix's text, the prefix alone, another case.
        String longer = PREFIX + ".evil/abc";
        assertSame(longer, SignedUrls.requestTarget(longer, PREFIX));
        assertSame(PREFIX, SignedUrls.requestTarget(PREFIX, PREFIX));
        String upper = "HTTPS://IMG.EXAMPLE.ORG/abc";
        assertSame(upper, SignedUrls.requestTarget(upper, PREFIX));
        // No prefix configured: a full URL stays a full URL, which verifiers refuse.
        String full = PREFIX + "/abc";
        assertSame(full, SignedUrls.requestTarget(full, ""));
    }

    @Test
    void theMessageNamesTheSetting() {
        assertTrue(SignedUrls.notARequestTarget("host").contains("signer's host"));
    }

    @Property
    void aPrefixedTargetGivesTheTargetBack(@ForAll @StringLength(max = 20) String prefix,
            @ForAll @StringLength(max = 40) String path) {
        String target = "/" + path;
        assertEquals(target, SignedUrls.requestTarget(prefix + target, prefix));
    }
}
