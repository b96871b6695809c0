package dev.imgsign.peer.go;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The Go emulation checked against go1.19 itself over the tables in src/test/resources/dev/imgsign/peer/go/
 * (each file's header names what computed it): {@code net/url.Parse} as go-camo reads it, and go-camo's
 * padded base64 decoding.
 */
class GoTablesTest {

    private static List<JsonObject> rows(String name) throws IOException {
        List<JsonObject> rows = new ArrayList<>();
        try (InputStream in = GoTablesTest.class.getResourceAsStream(name)) {
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
    void goUrlParseAgreesWithGo() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows("go-url-parse.jsonl")) {
            String url = row.get("url").getAsString();
            GoUrl got = GoUrl.parse(GoUrl.bytes(url));
            boolean parses = row.get("parses").getAsBoolean();
            checks.add(() -> assertEquals(parses, got != null,
                    "parses " + url + ": " + GoUrl.parseError(GoUrl.bytes(url))));
            if (parses && got != null) {
                checks.add(() -> assertEquals(row.get("scheme").getAsString(), got.scheme(), "scheme of " + url));
                checks.add(() -> assertEquals(row.get("hostname").getAsString(), GoUrl.text(got.hostname()),
                        "hostname of " + url));
                checks.add(() -> assertEquals(row.get("userinfo").getAsBoolean(), got.hasUserinfo(),
                        "userinfo of " + url));
            }
        }
        assertAll(checks);
    }

    @Test
    void paddedBase64AgreesWithGo() throws IOException {
        List<Executable> checks = new ArrayList<>();
        for (JsonObject row : rows("go-camo-base64.jsonl")) {
            String in = row.get("in").getAsString();
            JsonElement hex = row.get("hex");
            String expected = hex == null || hex.isJsonNull() ? null : hex.getAsString();
            byte[] bytes = in.getBytes(StandardCharsets.ISO_8859_1);
            byte[] got = GoBase64.decodeUrlPadded(bytes, 0, bytes.length);
            checks.add(() -> assertEquals(expected, got == null ? null : HexFormat.of().formatHex(got), in));
        }
        assertAll(checks);
    }
}
