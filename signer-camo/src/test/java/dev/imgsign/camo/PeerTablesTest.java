package dev.imgsign.camo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonElement;
import dev.imgsign.peer.go.GoBase64;
import dev.imgsign.peer.go.GoUrl;
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
 * The emulated peer runtimes checked against the peers themselves, over the tables in
 * src/test/resources/dev/imgsign/camo/ (each file's header names what computed it): atmos/camo's Node
 * ({@code decodeURIComponent}, {@code querystring.parse(q).url}, legacy {@code url.parse}'s protocol and
 * hostname; node v20.20.2) and go-camo's Go ({@code net/url.Parse}, the padded base64 decoding; go1.19).
 */
class PeerTablesTest {

    static List<JsonObject> rows(String name) throws IOException {
        List<JsonObject> rows = new ArrayList<>();
        try (InputStream in = PeerTablesTest.class.getResourceAsStream(name)) {
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

    private static String stringOrNull(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    @Test
    void decodeUriComponentAgreesWithNode() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows("node-decode-uri-component.jsonl")) {
            String in = row.get("in").getAsString();
            String expected = stringOrNull(row.get("out"));
            checks.add(() -> assertEquals(expected, NodeCompat.decodeUriComponent(in), in));
        }
        assertAll(checks);
    }

    @Test
    void queryUrlAgreesWithQuerystringParse() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows("node-querystring-url.jsonl")) {
            String query = row.get("query").getAsString();
            JsonElement url = row.get("url");
            NodeCompat.QueryUrl got = NodeCompat.queryUrl(query);
            String label = query.length() > 60 ? query.substring(query.length() - 60) : query;
            if (url.isJsonNull()) {
                checks.add(() -> assertSame(NodeCompat.QueryUrl.MISSING, got, label));
            } else if (url.isJsonArray()) {
                checks.add(() -> assertSame(NodeCompat.QueryUrl.DUPLICATE, got, label));
            } else if (url.getAsString().isEmpty()) {
                checks.add(() -> assertSame(NodeCompat.QueryUrl.EMPTY, got, label));
            } else {
                checks.add(() -> assertEquals(url.getAsString(), got.value, label));
            }
        }
        assertAll(checks);
    }

    @Test
    void missingQueryHasNoUrl() {
        assertSame(NodeCompat.QueryUrl.MISSING, NodeCompat.queryUrl(null));
        assertSame(NodeCompat.QueryUrl.MISSING, NodeCompat.queryUrl(""));
    }

    /**
     * url.parse lowercases hostnames; the verifier only needs whether there is one and what it is, and only
     * for http and https (any other protocol is refused first). Control characters are left out: Node 20 keeps
     * them inside a hostname where the Node versions camo ran on did not (README, "Node 20 url.parse").
     */
    @Test
    void legacyHostAgreesWithUrlParse() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows("node-url-parse-host.jsonl")) {
            String url = row.get("url").getAsString();
            String protocol = row.get("protocol").getAsString();
            String hostname = stringOrNull(row.get("hostname"));
            NodeCompat.LegacyHost got = NodeCompat.legacyHost(url);
            checks.add(() -> assertEquals(protocol, got.protocol, "protocol of " + url));
            if (!(protocol.equals("http") || protocol.equals("https")) || url.chars().anyMatch(c -> c < 0x20)) {
                continue;
            }
            if (hostname == null) {
                checks.add(() -> assertNull(got.hostname, "hostname of " + url));
            } else {
                checks.add(() -> assertEquals(hostname,
                        got.hostname == null ? null : got.hostname.toLowerCase(Locale.ROOT), "hostname of " + url));
            }
        }
        assertAll(checks);
    }

    @Test
    void goUrlParseAgreesWithGo() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows("go-url-parse.jsonl")) {
            String url = row.get("url").getAsString();
            GoUrl got = GoUrl.parse(GoUrl.bytes(url));
            boolean parses = row.get("parses").getAsBoolean();
            checks.add(() -> assertEquals(parses, got != null, "parses " + url + ": " + GoUrl.parseError(GoUrl.bytes(url))));
            if (parses && got != null) {
                checks.add(() -> assertEquals(row.get("scheme").getAsString(), got.scheme(), "scheme of " + url));
                checks.add(() -> assertEquals(row.get("hostname").getAsString(), GoUrl.text(got.hostname()), "hostname of " + url));
                checks.add(() -> assertEquals(row.get("userinfo").getAsBoolean(), got.hasUserinfo(), "userinfo of " + url));
            }
        }
        assertAll(checks);
    }

    @Test
    void paddedBase64AgreesWithGo() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows("go-camo-base64.jsonl")) {
            String in = row.get("in").getAsString();
            String expected = stringOrNull(row.get("hex"));
            byte[] bytes = in.getBytes(StandardCharsets.ISO_8859_1);
            byte[] got = GoBase64.decodeUrlPadded(bytes, 0, bytes.length);
            checks.add(() -> assertEquals(expected, got == null ? null : java.util.HexFormat.of().formatHex(got), in));
        }
        assertAll(checks);
    }
}
