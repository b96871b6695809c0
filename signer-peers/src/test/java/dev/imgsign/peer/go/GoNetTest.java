package dev.imgsign.peer.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our models of Go's net (ParseIP, ParseCIDR, Contains) and time (imageproxy's vu check) against go1.19.8. */
class GoNetTest {
    private static final List<List<String>> ROWS = GoPeerData.load("go-net-time.jsonl");

    @Test
    void parsesAddressesAsGoParseIp() {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (List<String> row : ROWS) {
            if (row.get(0).equals("ip")) {
                n++;
                byte[] ip = GoNet.parseIp(row.get(1));
                String got = ip == null ? "nil" : HexFormat.of().formatHex(ip);
                if (!got.equals(row.get(2))) {
                    failures.add(row + " got " + got);
                }
            }
        }
        assertTrue(n > 40);
        assertEquals(List.of(), failures);
    }

    @Test
    void matchesNetworksAsGoParseCidrAndContains() {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (List<String> row : ROWS) {
            if (row.get(0).equals("cidr")) {
                n++;
                GoNet.Cidr cidr = GoNet.parseCidr(row.get(1));
                String got = cidr == null ? "error" : String.valueOf(GoNet.contains(cidr, GoNet.parseIp(row.get(2))));
                if (!got.equals(row.get(3))) {
                    failures.add(row + " got " + got);
                }
            }
        }
        assertTrue(n > 200);
        assertEquals(List.of(), failures);
    }

    @Test
    void decidesExpiryAsGoTimeAfter() {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (List<String> row : ROWS) {
            if (row.get(0).equals("after")) {
                n++;
                boolean got = GoTime.expired(Long.parseLong(row.get(2)), Long.parseLong(row.get(1)));
                if (got != Boolean.parseBoolean(row.get(3))) {
                    failures.add(row + " got " + got);
                }
            }
        }
        assertTrue(n > 30);
        assertEquals(List.of(), failures);
        assertTrue(GoTime.wraps(Long.MAX_VALUE - GoTime.UNIX_TO_INTERNAL + 1));
        assertTrue(!GoTime.wraps(Long.MAX_VALUE - GoTime.UNIX_TO_INTERNAL));
    }
}
