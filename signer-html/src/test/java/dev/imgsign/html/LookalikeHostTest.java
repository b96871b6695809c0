package dev.imgsign.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, finding 3: the proxy prefix and the allow-list compare hosts as browsers resolve them
 * (WHATWG/UTS 46 canonical ASCII), never by Unicode case folding. Through the public API: a URL left
 * alone is one the signer never saw.
 */
class LookalikeHostTest {
    static final String PROXY = "https://camo.githubusercontent.com";

    /** How many URLs the rewriter hands to the signer for {@code <img src=url>}. */
    static int signedCount(HtmlImageRewriter.Builder builder, String url) {
        Element img = new Element("img").attr("src", url);
        return builder.build().rewrite(img);
    }

    static HtmlImageRewriter.Builder rewriter(AtomicInteger calls) {
        return HtmlImageRewriter.builder(image -> {
            calls.incrementAndGet();
            return PROXY + "/signed";
        }).skipHttps(false);
    }

    static Stream<Arguments> proxyHosts() {
        return Stream.of(
                // lookalikes that browsers send elsewhere: proxied
                Arguments.of("http://camo.g\u0131thubusercontent.com/a.png", 1), // dotless i -> camo.xn--gthubusercontent-9pc.com
                Arguments.of("http://camo.xn--gthubusercontent-9pc.com/a.png", 1),
                Arguments.of("http://CAMO.G\u0130THUBUSERCONTENT.COM/a.png", 1), // dotted capital I maps to i + U+0307
                Arguments.of("http://camo.githubusercontent.com.evil.test/a.png", 1),
                Arguments.of("http://camo.githubusercontent.co/a.png", 1),
                Arguments.of("http://camo.githubusercontent.com:8080/a.png", 1),
                Arguments.of("http://x@camo.githubusercontent.com/a.png", 1),
                Arguments.of("http://camo.githubusercontent.com%2eevil.test/a.png", 1),
                // spellings browsers resolve to the proxy itself: left alone
                Arguments.of("http://CAMO.GitHubUserContent.com/a.png", 0),
                Arguments.of("http://camo.githubu\u017fercontent.com/a.png", 0), // long s maps to s (UTS 46)
                Arguments.of("http://camo.\uff47ithubusercontent\uff0ecom/a.png", 0), // fullwidth g and dot
                Arguments.of("http://camo.githubusercontent.com./a.png", 0),
                Arguments.of("http://camo.githubusercontent.com:80/a.png", 0),
                Arguments.of("https://camo.githubusercontent.com:443/a.png", 0),
                Arguments.of("http://camo.github%75sercontent.com/a.png", 0));
    }

    @ParameterizedTest
    @MethodSource("proxyHosts")
    void proxyPrefixComparesCanonicalHosts(String url, int signed) {
        AtomicInteger calls = new AtomicInteger();
        assertEquals(signed, signedCount(rewriter(calls).proxyPrefix(PROXY), url), url);
        assertEquals(signed, calls.get());
    }

    static Stream<Arguments> allowedHosts() {
        return Stream.of(
                Arguments.of("cdn.kiosk.test", "http://cdn.kiosk.test/a.png", 0),
                Arguments.of("cdn.kiosk.test", "http://CDN.KIOSK.TEST./a.png", 0),
                Arguments.of("CDN.KIOSK.TEST", "http://cdn.kiosk.test/a.png", 0),
                Arguments.of("cdn.kiosk.test", "http://cdn.k%69osk.test/a.png", 0),
                Arguments.of("cdn.kiosk.test", "http://cdn.\u212aiosk.test/a.png", 0), // Kelvin sign maps to k (UTS 46)
                Arguments.of("cdn.kiosk.test", "http://cdn.k\u0131osk.test/a.png", 1),
                Arguments.of("cdn.kiosk.test", "http://cdn.k\u0130osk.test/a.png", 1),
                Arguments.of("cdn.kiosk.test", "http://cdn.kiosk.test.evil.test/a.png", 1),
                Arguments.of("cdn.k\u0131osk.test", "http://cdn.kiosk.test/a.png", 1),
                Arguments.of(".kiosk.test", "http://a.b.KIOSK.test/a.png", 0),
                Arguments.of(".kiosk.test", "http://kiosk.test/a.png", 1),
                Arguments.of(".kiosk.test", "http://a.k\u0131osk.test/a.png", 1),
                Arguments.of(".kiosk.test", "http://evilkiosk.test/a.png", 1),
                Arguments.of("10.0.0.1", "http://10.0.0.1/a.png", 0),
                Arguments.of("10.0.0.1", "http://0xa.0.0.1/a.png", 0),
                Arguments.of("10.0.0.1", "http://010.0.0.1/a.png", 1), // octal: 8.0.0.1
                Arguments.of(".0.0.1", "http://10.0.0.1/a.png", 1), // a suffix never allows an IP address
                // a host that is only a dot (fuzz finding: it used to throw StringIndexOutOfBoundsException)
                Arguments.of(".kiosk.test", "http:./a.png", 1),
                Arguments.of("cdn.kiosk.test", "http://./a.png", 1));
    }

    @ParameterizedTest
    @MethodSource("allowedHosts")
    void allowListComparesCanonicalHosts(String allowed, String url, int signed) {
        assertEquals(signed, signedCount(rewriter(new AtomicInteger()).allowHost(allowed), url), allowed + " " + url);
    }
}
