package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which attribute values a browser fetches off-site over http(s), and from which host. The
 * classification and host of every row were computed by node v20's WHATWG {@code URL} (the URL parser
 * browsers implement) as {@code new URL(raw, "https://site.test/dir/page")}; the URL we hand the signer
 * is that input without the characters the parser strips, the scheme lowercased and {@code \} read as
 * {@code /} before the query: node additionally percent-encodes and lowercases the host, which the
 * proxy does when it fetches.
 */
class UrlsTest {
    static Stream<Arguments> offSite() {
        return Stream.of(
                Arguments.of("http://a.test/x.png", "http://a.test/x.png", "a.test"),
                Arguments.of("HTTP://a.test/x.png", "http://a.test/x.png", "a.test"),
                Arguments.of("  http://a.test/x.png  ", "http://a.test/x.png", "a.test"),
                Arguments.of("\thttp://a.test/x.png\n", "http://a.test/x.png", "a.test"),
                Arguments.of("ht\ntp://a.test/x\t.png", "http://a.test/x.png", "a.test"),
                Arguments.of("\u0000 http://a.test/x \u001f", "http://a.test/x", "a.test"),
                Arguments.of("//a.test/x.png", "https://a.test/x.png", "a.test"),
                Arguments.of("\\\\a.test\\x.png", "https://a.test/x.png", "a.test"),
                Arguments.of("/\\a.test/x.png", "https://a.test/x.png", "a.test"),
                Arguments.of("http:\\\\a.test\\x.png", "http://a.test/x.png", "a.test"),
                Arguments.of("http:/a.test/x.png", "http://a.test/x.png", "a.test"),
                Arguments.of("http:///a.test/x.png", "http://a.test/x.png", "a.test"),
                Arguments.of("http:a.test/x.png", "http://a.test/x.png", "a.test"),
                Arguments.of("https://a.test/x?q=\\y#\\z", "https://a.test/x?q=\\y#\\z", "a.test"),
                Arguments.of("http://user:pw@a.test/x", "http://user:pw@a.test/x", "a.test"),
                Arguments.of("http://A.Test.:8080/x", "http://A.Test.:8080/x", "a.test"),
                Arguments.of("http://[::1]:8080/x", "http://[::1]:8080/x", "[::1]"),
                Arguments.of("http://a.test@b.test/x", "http://a.test@b.test/x", "b.test"),
                Arguments.of("http://a.test\\@b.test/x", "http://a.test/@b.test/x", "a.test"),
                Arguments.of("http://a.test/é ë.png", "http://a.test/é ë.png", "a.test"));
    }

    @ParameterizedTest
    @MethodSource("offSite")
    void readsTheUrlAndHostABrowserFetches(String raw, String absolute, String host) {
        assertEquals(absolute, Urls.absoluteHttpUrl(raw, "https"));
        assertEquals(host, Urls.canonicalHost(absolute));
    }

    static Stream<String> notOffSite() {
        return Stream.of("/x.png", "x.png", "../x.png", "?q", "#f", "", " ", "data:image/png;base64,AAAA",
                "javascript:alert(1)", "ftp://a.test/x.png", "mailto:x@a.test", "1http://a.test/x",
                "h ttp://a.test/x", "http://", "http://:80/x", "http://@/x");
    }

    @ParameterizedTest
    @MethodSource("notOffSite")
    void leavesWhatIsRelativeOtherSchemeOrInvalid(String raw) {
        assertNull(Urls.absoluteHttpUrl(raw, "https"));
        assertNull(Urls.absoluteHttpUrl(raw, "http"));
    }

    @ParameterizedTest
    @MethodSource("offSite")
    void protocolRelativeTakesTheConfiguredScheme(String raw, String absolute, String host) {
        String http = Urls.absoluteHttpUrl(raw, "http");
        boolean protocolRelative = raw.startsWith("//") || raw.startsWith("\\") || raw.startsWith("/\\");
        assertEquals(protocolRelative ? "http" + absolute.substring(5) : absolute, http);
    }

    @ParameterizedTest
    @MethodSource("prefixes")
    void proxyPrefixMatchesAtABoundaryOnEitherScheme(String url, boolean matches) {
        Urls.Prefix prefix = Urls.Prefix.of("https://img.example.org/camo/");
        assertEquals(matches, prefix.matches(Urls.absoluteHttpUrl(url, "https")), url);
    }

    static Stream<Arguments> prefixes() {
        return Stream.of(
                Arguments.of("https://img.example.org/camo/abc/def", true),
                Arguments.of("http://img.example.org/camo/abc/def", true),
                Arguments.of("https://IMG.example.org/camo?url=x", true),
                Arguments.of("https://img.example.org/camo", true),
                Arguments.of("https://img.example.org:443/camo/x", true),
                Arguments.of("http://img.example.org:80/camo/x", true),
                Arguments.of("https://img.example.org./camo/x", true),
                Arguments.of("https://img.%65xample.org/camo/x", true),
                Arguments.of("https://img.\uff45xample.org/camo/x", true), // fullwidth e maps to e (UTS 46)
                Arguments.of("https://img.example.org\\camo\\x", true),
                Arguments.of("https://img.example.org/camo/./x", true),
                Arguments.of("https://img.example.org/camouflage/x", false),
                Arguments.of("https://img.example.org/CAMO/x", false),
                Arguments.of("https://img.example.org/camo/../uploads/x.png", false),
                Arguments.of("https://img.example.org/camo/%2E%2e/uploads/x.png", false),
                Arguments.of("https://img.example.org/camo/.%2e", false),
                Arguments.of("https://img.example.org:8443/camo/x", false),
                Arguments.of("http://img.example.org:443/camo/x", false),
                Arguments.of("https://img.example.org:99999/camo/x", false),
                Arguments.of("https://user@img.example.org/camo/x", false),
                Arguments.of("https://img.example.org.evil.test/camo/x", false),
                Arguments.of("https://\u0131mg.example.org/camo/x", false), // dotless i: xn--mg-... is another host
                Arguments.of("https://\u0130MG.example.org/camo/x", false),
                Arguments.of("https://img.example.or\u0261/camo/x", false),
                Arguments.of("https://img.example.org/other/x", false));
    }
}
