package com.example.modules;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.spi.SchemeConfig;
import dev.imgsign.core.spi.SchemeProvider;
import dev.imgsign.expiring.link.ExpiringLink;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.html.HtmlImageRewriter;
import dev.imgsign.html.ImageSigner;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxyRequest;
import dev.imgsign.imgproxy.ImgproxyRequest;
import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.thumbor.ThumborOptions;
import dev.imgsign.thumbor.ThumborRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Signs and verifies one URL per scheme on the module path: signers and verifiers come from the scheme
 * providers ({@code provides}/{@code uses}), the requests and results are the schemes' exported types. Exits
 * with status 1 on the first failed check. Run it with {@code java --module-path ... -m com.example.modules}.
 */
public final class Main {
    private static final KeySet KEYS = KeySet.ofUtf8("a module consumer's 32-byte key!");
    private static final Set<String> SCHEMES = Set.of("camo", "imageproxy", "weekly", "expiring", "imgproxy", "thumbor");

    private Main() {
    }

    public static void main(String[] args) {
        onTheModulePath();
        providersThroughServiceLoader();

        roundTrip("camo", Map.of(), "http://example.com/cat.png", Function.identity());
        roundTrip("imageproxy", Map.of("baseUrl", ""),
                new ImageproxyRequest("https://example.com/cat.png", ImageproxyOptions.parse("100x100")),
                ImageproxyRequest::remoteUrl);
        roundTrip("weekly", Map.of(), WeeklyLink.resized("i", "https://example.com/cat.png", 250, 0),
                WeeklyLink::imageUrl);
        roundTrip("expiring", Map.of(), ExpiringLink.of("/avatars/cat.png", Instant.now().getEpochSecond() + 600),
                ExpiringLink::path);
        roundTrip("imgproxy", Map.of("salts", "73616c74"), ImgproxyRequest.of("https://example.com/cat.png"),
                ImgproxyRequest::sourceUrl);
        roundTrip("thumbor", Map.of(), ThumborRequest.of(ThumborOptions.NONE, "example.com/cat.png"),
                ThumborRequest::imageUrl);

        htmlAndServlet();
        internalsStayInside();
        System.out.println("module-consumer: all checks passed on the module path ("
                + (Main.class.getModule().getLayer() == ModuleLayer.boot() ? "boot layer" : "other layer") + ")");
    }

    /** Each imgsign module is a named, explicit module: nothing here runs from the class path. */
    private static void onTheModulePath() {
        check(Main.class.getModule().isNamed(), "the consumer is a named module");
        for (Class<?> type : new Class<?>[] {UrlSigner.class, CamoSigner.class, ImageproxyRequest.class, WeeklyLink.class,
                ImgproxyRequest.class, ThumborRequest.class, HtmlImageRewriter.class, SignedUrlFilter.class}) {
            Module module = type.getModule();
            check(module.isNamed() && !module.getDescriptor().isAutomatic(),
                    type.getName() + " is in an explicit module, not " + module);
        }
    }

    /** The consumer's own ServiceLoader and core's Schemes both see every scheme's provider. */
    private static void providersThroughServiceLoader() {
        Set<String> found = new TreeSet<>();
        ServiceLoader.load(SchemeProvider.class).forEach(provider -> found.add(provider.name()));
        check(found.containsAll(SCHEMES), "ServiceLoader found every scheme: " + found);
        check(Schemes.all().keySet().containsAll(SCHEMES), "Schemes.all() found every scheme: " + Schemes.all().keySet());
        System.out.println("providers on the module path: " + found);
    }

    /** Signs {@code request} with the provider's signer and verifies the URL with its verifier. */
    private static <R> void roundTrip(String scheme, Map<String, String> options, R request, Function<R, String> what) {
        SchemeProvider provider = Schemes.provider(scheme);
        SchemeConfig config = SchemeConfig.builder().keys(KEYS).options(options).build();
        @SuppressWarnings("unchecked")
        UrlSigner<R> signer = (UrlSigner<R>) provider.signer(config);
        @SuppressWarnings("unchecked")
        UrlVerifier<R> verifier = (UrlVerifier<R>) provider.verifier(config);
        String url = signer.sign(request);
        Verification<R> verification = verifier.verify(requestTarget(url));
        check(verification.isAccepted(), scheme + ": " + url + " verifies, got " + verification);
        check(what.apply(request).equals(what.apply(verification.orElseThrow())),
                scheme + ": the verified request is the signed one: " + verification);
        SchemeConfig otherKey = SchemeConfig.builder().keys(KeySet.ofUtf8("another key, not the verifier's")).options(options).build();
        @SuppressWarnings("unchecked")
        UrlSigner<R> forger = (UrlSigner<R>) provider.signer(otherKey);
        check(!verifier.verify(requestTarget(forger.sign(request))).isAccepted(), scheme + ": another key's URL is rejected");
        System.out.println(scheme + ": " + url);
    }

    private static String requestTarget(String url) {
        if (url.startsWith("/")) {
            return url;
        }
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The HTML rewriter signs with a scheme's public API; the filter takes a provider's verifier. */
    private static void htmlAndServlet() {
        CamoSigner camo = CamoSigner.builder(KEYS).prefix("https://camo.example").build();
        String html = HtmlImageRewriter.builder(ImageSigner.of(camo)).build()
                .rewriteFragment("<img src=\"http://example.com/cat.png\">");
        check(html.contains("src=\"" + camo.sign("http://example.com/cat.png") + "\""), "html rewritten: " + html);
        SignedUrlFilter filter = new SignedUrlFilter(Schemes.provider("camo").verifier(SchemeConfig.builder().keys(KEYS).build()));
        check(filter.getClass().getModule().getName().equals("dev.imgsign.servlet"), "the filter's module");
    }

    /**
     * No imgsign module exports an internal package ({@code *.internal}, the peer emulations) to everyone, nor
     * to this module; they are exported only to the imgsign modules that need them.
     */
    private static void internalsStayInside() {
        Module self = Main.class.getModule();
        int checked = 0;
        for (Module module : ModuleLayer.boot().modules()) {
            if (!module.getName().startsWith("dev.imgsign.")) {
                continue;
            }
            for (String pkg : module.getPackages()) {
                boolean internal = pkg.endsWith(".internal") || pkg.contains(".internal.") || pkg.startsWith("dev.imgsign.peer");
                if (internal) {
                    check(!module.isExported(pkg) && !module.isExported(pkg, self),
                            module.getName() + " must not export " + pkg + " to everyone or to this module");
                    checked++;
                }
            }
        }
        check(checked > 0, "internal packages found to check");
        Module core = UrlSigner.class.getModule();
        check(ModuleLayer.boot().modules().stream()
                        .anyMatch(m -> m != core && core.isExported("dev.imgsign.core.internal", m)),
                "core.internal is exported (qualified) to the imgsign modules that use it");
        System.out.println("internal packages not exported to this module: " + checked);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("FAILED: " + what);
            System.exit(1);
        }
    }
}
