package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.imgsign.core.KeySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every builder misuse is an {@link IllegalArgumentException} whose message starts with the setting's name. */
class CamoBuilderTest {
    private static final KeySet KEYS = KeySet.ofUtf8("test");

    private static void assertRefuses(String setting, Executable misuse) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, misuse);
        assertEquals(setting + ":", e.getMessage().substring(0, setting.length() + 1), e.getMessage());
    }

    @Test
    void signerBuilderMisuseNamesTheSetting() {
        assertRefuses("keys", () -> CamoSigner.builder(null));
        assertRefuses("prefix", () -> CamoSigner.builder(KEYS).prefix(null));
        assertRefuses("encoding", () -> CamoSigner.builder(KEYS).encoding(null));
    }

    @Test
    void verifierBuilderMisuseNamesTheSetting() {
        assertRefuses("keys", () -> CamoVerifier.builder(null));
        assertRefuses("prefix", () -> CamoVerifier.builder(KEYS).prefix(null));
        assertRefuses("dialect", () -> CamoVerifier.builder(KEYS).dialect(null));
        assertRefuses("maxLength", () -> CamoVerifier.builder(KEYS).maxLength(0));
        assertRefuses("maxLength", () -> CamoVerifier.builder(KEYS).maxLength(-5));
    }

    @Test
    void configurationNamesAreRefusedNamingTheSetting() {
        assertRefuses("dialect", () -> CamoDialect.fromName("camo"));
        assertRefuses("dialect", () -> CamoDialect.fromName(null));
        assertRefuses("encoding", () -> CamoEncoding.fromName("base32"));
        assertRefuses("encoding", () -> CamoEncoding.fromName(null));
    }

    @Test
    void theSharedPrefixIsReadTheSameWayByBoth() {
        String prefix = "https://img.example.org//";
        assertEquals("https://img.example.org", CamoSigner.builder(KEYS).prefix(prefix).build().prefix());
        assertEquals("https://img.example.org", CamoVerifier.builder(KEYS).prefix(prefix).build().prefix());
    }
}
