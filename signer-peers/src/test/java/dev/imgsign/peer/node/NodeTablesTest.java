package dev.imgsign.peer.node;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The Node emulation checked against Node itself, over the tables in
 * src/test/resources/dev/imgsign/peer/node/ (each file's header names what computed it; node v20.20.2):
 * {@code decodeURIComponent}, {@code querystring.parse(q).url}, legacy {@code url.parse}'s protocol and
 * hostname.
 */
class NodeTablesTest {

    /** The JSON rows of a peer table beside this class; {@code #} lines are headers. */
    static List<JsonObject> rows(Class<?> near, String name) throws IOException {
        List<JsonObject> rows = new ArrayList<>();
        try (InputStream in = near.getResourceAsStream(name)) {
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

    static String stringOrNull(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    @Test
    void decodeUriComponentAgreesWithNode() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows(NodeTablesTest.class, "node-decode-uri-component.jsonl")) {
            String in = row.get("in").getAsString();
            String expected = stringOrNull(row.get("out"));
            checks.add(() -> assertEquals(expected, NodeText.decodeUriComponent(in), in));
        }
        assertAll(checks);
    }

    @Test
    void queryUrlAgreesWithQuerystringParse() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows(NodeTablesTest.class, "node-querystring-url.jsonl")) {
            String query = row.get("query").getAsString();
            JsonElement url = row.get("url");
            NodeQueryString.QueryUrl got = NodeQueryString.url(query);
            String label = query.length() > 60 ? query.substring(query.length() - 60) : query;
            if (url.isJsonNull()) {
                checks.add(() -> assertSame(NodeQueryString.QueryUrl.MISSING, got, label));
            } else if (url.isJsonArray()) {
                checks.add(() -> assertSame(NodeQueryString.QueryUrl.DUPLICATE, got, label));
            } else if (url.getAsString().isEmpty()) {
                checks.add(() -> assertSame(NodeQueryString.QueryUrl.EMPTY, got, label));
            } else {
                checks.add(() -> assertEquals(url.getAsString(), got.value(), label));
            }
        }
        assertAll(checks);
    }

    @Test
    void missingQueryHasNoUrl() {
        assertSame(NodeQueryString.QueryUrl.MISSING, NodeQueryString.url(null));
        assertSame(NodeQueryString.QueryUrl.MISSING, NodeQueryString.url(""));
    }

    /**
     * url.parse lowercases hostnames; the verifier only needs whether there is one and what it is, and only
     * for http and https (any other protocol is refused first). Control characters are left out: Node 20 keeps
     * them inside a hostname where the Node versions camo ran on did not (signer-camo README, "Node 20
     * url.parse").
     */
    @Test
    void legacyHostAgreesWithUrlParse() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows(NodeTablesTest.class, "node-url-parse-host.jsonl")) {
            String url = row.get("url").getAsString();
            String protocol = row.get("protocol").getAsString();
            String hostname = stringOrNull(row.get("hostname"));
            NodeLegacyUrl got = NodeLegacyUrl.parse(url);
            checks.add(() -> assertEquals(protocol, got.protocol(), "protocol of " + url));
            if (!(protocol.equals("http") || protocol.equals("https")) || url.chars().anyMatch(c -> c < 0x20)) {
                continue;
            }
            if (hostname == null) {
                checks.add(() -> assertNull(got.hostname(), "hostname of " + url));
            } else {
                checks.add(() -> assertEquals(hostname,
                        got.hostname() == null ? null : got.hostname().toLowerCase(Locale.ROOT),
                        "hostname of " + url));
            }
        }
        assertAll(checks);
    }

    /** Buffer.toString: each maximal invalid subsequence is one U+FFFD (WHATWG Encoding Standard). */
    @Test
    void utf8ReplacementAsTheEncodingStandard() {
        assertEquals("a\uFFFDb", NodeText.utf8WithReplacement(new byte[] {'a', (byte) 0xC3, 'b'}));
        assertEquals("\uFFFD\uFFFD", NodeText.utf8WithReplacement(new byte[] {(byte) 0xC0, (byte) 0x80}));
        assertEquals("\uFFFD", NodeText.utf8WithReplacement(new byte[] {(byte) 0xE2, (byte) 0x82}));
        assertEquals("\u20AC", NodeText.utf8WithReplacement(new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}));
    }

    @Test
    void requestTargetAsNodeSeesIt() {
        String ascii = "/abc?url=x";
        assertSame(ascii, NodeText.asNodeSeesIt(ascii));
        assertEquals("/\u00C3\u00A9", NodeText.asNodeSeesIt("/\u00E9"));
    }
}
