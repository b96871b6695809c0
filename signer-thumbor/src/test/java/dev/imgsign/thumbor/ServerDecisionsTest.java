package dev.imgsign.thumbor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Verification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A differential table: 900 random request targets built from option tokens, escapes and signatures
 * (valid, re-escaped, missing), each decided by thumbor 7.8.0's real tornado app (CPython 3.11.2,
 * tornado 6.2) with key {@code k3y}. Our verifier must give the same status and read the same request.
 */
class ServerDecisionsTest {
    private static final KeySet KEYS = KeySet.ofUtf8("k3y");
    private static final ThumborVerifier SAFE = ThumborVerifier.builder(KEYS).build();
    private static final ThumborVerifier UNSAFE = ThumborVerifier.builder(KEYS).allowUnsafe(true).build();

    static List<JsonObject> rows() {
        List<JsonObject> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ServerDecisionsTest.class.getResourceAsStream("thumbor-server-decisions.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                rows.add(JsonParser.parseString(line).getAsJsonObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    @Test
    void everyDecisionMatchesTheServer() {
        List<String> mismatches = new ArrayList<>();
        List<JsonObject> rows = rows();
        for (JsonObject row : rows) {
            String target = row.get("target").getAsString();
            ThumborVerifier verifier = row.get("allowUnsafe").getAsBoolean() ? UNSAFE : SAFE;
            Verification<ThumborRequest> v = verifier.verify(target);
            int status = row.get("status").getAsInt();
            if (status != 200) {
                if (!(v instanceof Verification.Rejected<ThumborRequest> r) || r.httpStatus() != status) {
                    mismatches.add(target + " server " + status + " ours " + v);
                }
                continue;
            }
            if (!(v instanceof Verification.Accepted<ThumborRequest> a)) {
                mismatches.add(target + " server 200 ours " + v);
                continue;
            }
            String read = describe(a.request());
            String expected = describe(row);
            if (!read.equals(expected)) {
                mismatches.add(target + "\n  server " + expected + "\n  ours   " + read);
            }
        }
        assertEquals(900, rows.size());
        assertEquals(List.of(), mismatches);
    }

    private static String describe(ThumborRequest r) {
        ThumborOptions o = VectorFields.normalized(r.options());
        String trim = !o.trim() ? "" : "trim" + (o.trimPosition() == null ? "" : ":" + o.trimPosition().token())
                + (o.trimTolerance() < 0 ? "" : ":" + o.trimTolerance());
        String crop = o.crop() == null ? "0,0,0,0"
                : o.crop().left() + "," + o.crop().top() + "," + o.crop().right() + "," + o.crop().bottom();
        return String.join("|", PyUrl.quote(r.imageUrl(), "/"), "" + r.unsafe(), "" + o.debug(), "" + o.meta(),
                trim, crop, o.fitIn().token(), size(o.width()), size(o.height()), "" + o.flipHorizontally(),
                "" + o.flipVertically(), o.horizontalAlign().token(), o.verticalAlign().token(), "" + o.smart(),
                o.filters());
    }

    private static String size(int s) {
        return s == ThumborOptions.ORIGINAL ? "orig" : Integer.toString(s);
    }

    private static String describe(JsonObject row) {
        List<String> parts = new ArrayList<>();
        for (String name : new String[] {"image", "unsafe", "debug", "meta", "trim", "crop", "fitIn", "width",
                "height", "hflip", "vflip", "halign", "valign", "smart", "filters"}) {
            parts.add(row.get(name).getAsString());
        }
        return String.join("|", parts);
    }
}
