package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imgsign.core.internal.HostNames;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.nodes.Element;

/**
 * Issue 13, finding 3, as a property: for hosts generated from the proxy's host by case changes and
 * lookalike characters ({@code ı İ ſ K}, fullwidth letters and dots, Cyrillic, percent-escapes, a
 * trailing dot), a URL is left as "already proxied" exactly when a browser resolves its host to the
 * proxy's (same WHATWG/UTS 46 canonical host); every other one is handed to the signer.
 */
class LookalikeHostPropertiesTest {
    static final List<String> PROXY_HOSTS = List.of("camo.githubusercontent.com", "kiosk.example.org");

    @Provide
    Arbitrary<String[]> lookalikes() {
        return Arbitraries.of(PROXY_HOSTS).flatMap(host -> Arbitraries.integers().between(0, 9).list()
                .ofSize(host.length()).map(choices -> new String[] {host, spell(host, choices)}));
    }

    /** Each character kept (most often) or replaced by a variant chosen by {@code choices}. */
    static String spell(String host, List<Integer> choices) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            int choice = choices.get(i);
            out.append(choice < 5 ? String.valueOf(c) : variant(c, choice - 5));
        }
        if (choices.get(0) == 9) {
            out.append('.');
        }
        return out.toString();
    }

    static String variant(char c, int which) {
        if (c == '.') {
            return new String[] {".", "\u3002", "\uff0e", "\uff61", "%2e"}[which];
        }
        String lookalike;
        switch (c) {
            case 'i': lookalike = which < 2 ? "\u0131" : "\u0130"; break;
            case 's': lookalike = "\u017f"; break;
            case 'k': lookalike = "\u212a"; break;
            case 'a': lookalike = "\u0430"; break;
            case 'e': lookalike = "\u0435"; break;
            case 'o': lookalike = "\u043e"; break;
            case 'c': lookalike = "\u0441"; break;
            default: lookalike = String.valueOf(Character.toUpperCase(c)); break;
        }
        return new String[] {lookalike, String.valueOf((char) (0xFF41 + (c - 'a'))), String.valueOf(Character.toUpperCase(c)),
            "%" + Integer.toHexString(c), lookalike}[which];
    }

    @Property(tries = 1000)
    void leftAloneExactlyWhenTheBrowserResolvesTheProxyHost(@ForAll("lookalikes") String[] hosts) {
        String proxyHost = hosts[0];
        String spelled = hosts[1];
        AtomicInteger calls = new AtomicInteger();
        HtmlImageRewriter rewriter = HtmlImageRewriter.builder(image -> {
            calls.incrementAndGet();
            return "https://" + proxyHost + "/signed";
        }).skipHttps(false).proxyPrefix("https://" + proxyHost).build();
        Element img = new Element("img").attr("src", "http://" + spelled + "/a.png");
        rewriter.rewrite(img);
        String canonical = HostNames.canonical(spelled);
        boolean sameHost = canonical != null && (canonical.equals(proxyHost) || canonical.equals(proxyHost + "."));
        assertEquals(sameHost ? 0 : 1, calls.get(), spelled + " canonical " + canonical);
        if (!sameHost) {
            assertEquals("https://" + proxyHost + "/signed", img.attr("src"), "signed, never left as already proxied");
        }
    }
}
