package dev.imgsign.core.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HostNames} against Node's WHATWG {@code URL} (table {@code node-whatwg-host.jsonl}; its header
 * names the run) and the IANA special-purpose registries.
 */
class HostNamesTest {

    /**
     * Hosts Node accepts and we refuse because the JDK's IDNA2003 cannot reproduce UTS 46 there (see the
     * HostNames class comment). Refusing is the safe side; any other disagreement fails the table test.
     */
    static final Set<String> FAIL_CLOSED = Set.of(
            "stra\u00dfe.de", "\u03c2.gr", "fa\u00df.de", "\u00df", // deviation characters
            "\ud83c\udd30bc.com", "\u1e9e.de", // assigned after Unicode 3.2
            "\ud83c\udd3b\ud83c\udd3e\ud83c\udd32\ud83c\udd30\ud83c\udd3b\ud83c\udd37\ud83c\udd3e\ud83c\udd42\ud83c\udd43",
            "xn--abc-", "xn--zca", "xn--ls8h", // punycode the JDK cannot round-trip
            "a\u05d0", "\u0627\u0661", // IDNA2003's bidi rule
            "\u00ad.a"); // a label mapped to nothing: the JDK refuses an empty label

    static List<JsonObject> nodeTable() throws IOException {
        List<JsonObject> rows = new ArrayList<>();
        try (InputStream in = HostNamesTest.class.getResourceAsStream("node-whatwg-host.jsonl")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    rows.add(JsonParser.parseString(line).getAsJsonObject());
                }
            }
        }
        return rows;
    }

    @Test
    void canonicalAgreesWithNodeWhatwgUrl() throws IOException {
        List<Executable> checks = new ArrayList<>();
        List<JsonObject> rows = nodeTable();
        assertTrue(rows.size() > 200, "table read");
        for (JsonObject row : rows) {
            String host = row.get("host").getAsString();
            JsonElement e = row.get("hostname");
            String node = e.isJsonNull() ? null : e.getAsString();
            String expected = FAIL_CLOSED.contains(host) ? null : node;
            checks.add(() -> assertEquals(expected, HostNames.canonical(host), host));
        }
        for (String host : FAIL_CLOSED) {
            checks.add(() -> assertTrue(rows.stream().anyMatch(r -> r.get("host").getAsString().equals(host)
                    && !r.get("hostname").isJsonNull()), "documented difference still in the table: " + host));
        }
        assertAll(checks);
    }

    /** Whatever Node makes a special-purpose host of, we refuse (directly or by having no canonical form). */
    @Test
    void everyHostNodeMapsToASpecialAddressIsRefused() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : nodeTable()) {
            String host = row.get("host").getAsString();
            JsonElement e = row.get("hostname");
            if (!e.isJsonNull() && HostNames.specialPurpose(e.getAsString()) != null) {
                checks.add(() -> assertNotNull(HostNames.specialPurpose(host), host));
            }
        }
        assertTrue(checks.size() > 50);
        assertAll(checks);
    }

    /** Issue 13, finding 5: each lookalike is recognised for what a browser makes of it. */
    @Test
    void findingFiveLookalikes() {
        assertAll(
                () -> assertEquals("127.0.0.1", HostNames.canonical("127\u30020\u30020\u30021")),
                () -> assertEquals("127.0.0.1", HostNames.canonical("\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff11")),
                () -> assertEquals("localhost", HostNames.canonical("\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3")),
                () -> assertEquals("169.254.169.254", HostNames.canonical("169\u3002254\u3002169\u3002254")),
                () -> assertEquals("[::7f00:1]", HostNames.canonical("[::127.0.0.1]")),
                () -> assertEquals("[64:ff9b::7f00:1]", HostNames.canonical("[64:ff9b::7f00:1]")),
                () -> assertEquals("100.64.0.1", HostNames.canonical("100.64.0.1")));
        for (String host : List.of("127\u30020\u30020\u30021", "\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff11",
                "\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3", "169\u3002254\u3002169\u3002254",
                "[::127.0.0.1]", "[64:ff9b::7f00:1]", "100.64.0.1")) {
            assertNotNull(HostNames.specialPurpose(host), host);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost.", "localhost..", "LOCALHOST", "a.b.localhost", "x.localhost.",
        "0.0.0.0", "0.1.2.3", "10.0.0.0", "10.255.255.255", "100.64.0.0", "100.127.255.255", "127.0.0.1",
        "127.255.255.254", "127.0.0.1.", "169.254.0.1", "169.254.169.254", "172.16.0.0", "172.31.255.255",
        "192.0.0.8", "192.0.0.255", "192.0.2.1", "192.168.0.1", "192.168.255.255", "198.18.0.0", "198.19.255.255",
        "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.255", "240.0.0.1", "255.255.255.254",
        "255.255.255.255", "2130706433", "0x7f.1", "0177.1",
        "[::]", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:10.1.2.3]", "[::127.0.0.1]", "[::0.0.0.2]",
        "[64:ff9b::127.0.0.1]", "[64:ff9b::a9fe:a9fe]", "[64:ff9b:1::8.8.8.8]", "[100::]", "[100::ffff:ffff:ffff:ffff]",
        "[2001::1]", "[2001:1ff:ffff::]", "[2001:db8::1]", "[3fff::1]", "[3fff:fff::]", "[2002:7f00:1::]",
        "[2002:c0a8:101::1]", "[5f00::1]", "[fc00::]", "[fdff::1]", "[fe80::1]", "[febf::1]", "[fec0::1]",
        "[feff::1]", "[ff02::1]", "[ffff::]", "", "a b", "[::1", "1.2.3.256", "%zz", "\ud800"})
    void refused(String host) {
        assertNotNull(HostNames.specialPurpose(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com.", "localhost.example", "localhostx", "xlocalhost",
        "1.0.0.0", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0",
        "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.0", "192.0.3.0", "192.167.255.255",
        "192.169.0.0", "198.17.255.255", "198.20.0.0", "198.51.99.255", "203.0.112.255", "223.255.255.255",
        "8.8.8.8", "010.0.0.1", "1.2.3.4..",
        "[::2:0:0]", "[::ffff:8.8.8.8]", "[::8.8.8.8]", "[64:ff9b::8.8.8.8]", "[64:ff9b:2::]", "[100:0:0:1::]",
        "[2001:200::]", "[2001:db9::]", "[2002:808:808::]", "[2606:4700::1111]", "[3ffe::]", "[4000::]",
        "[fbff::]", "[fe00::]", "[fe7f::]", "[3fff:1000::]", "[2a00:1450::]"})
    void allowed(String host) {
        assertNull(HostNames.specialPurpose(host), host);
    }

    @Test
    void ipv6IsSerialisedAsWhatwgDoes() {
        assertEquals("[1::2:0:0:3]", HostNames.canonical("[1:0:0:0:2:0:0:3]"));
        assertEquals("[::]", HostNames.canonical("[0:0:0:0:0:0:0:0]"));
        assertEquals("[1:2:3:4:5:6:7:0]", HostNames.canonical("[1:2:3:4:5:6:7::]"));
        assertNull(HostNames.canonical("[]"));
        assertNull(HostNames.canonical("["));
        assertNull(HostNames.canonical("[::1%eth0]"));
    }

    @Test
    void nullAndOddInputsAreRefusedNotThrown() {
        assertNull(HostNames.canonical(null));
        assertNull(HostNames.canonical("\ud800"));
        assertNull(HostNames.canonical("a%ed%a0%80b")); // an encoded surrogate is no UTF-8
        assertNull(HostNames.canonical("a\tb"));
        assertNull(HostNames.canonical("a\nb"));
        assertNull(HostNames.canonical("x".repeat(70) + "\u00e9")); // the JDK's 63-character label limit
        assertEquals("x".repeat(100_000), HostNames.canonical("X".repeat(100_000)));
        assertEquals("1.2.3.4", HostNames.canonical("1.2.3." + "0".repeat(100_000) + "4"));
    }
}
