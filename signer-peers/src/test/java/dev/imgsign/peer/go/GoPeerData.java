package dev.imgsign.peer.go;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the Go-computed tables in src/test/resources (one JSON array of strings per line, # comments). */
final class GoPeerData {
    private GoPeerData() {
    }

    static List<List<String>> load(String name) {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = GoPeerData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                JsonArray array = JsonParser.parseString(line).getAsJsonArray();
                List<String> row = new ArrayList<>();
                array.forEach(e -> row.add(e.getAsString()));
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
