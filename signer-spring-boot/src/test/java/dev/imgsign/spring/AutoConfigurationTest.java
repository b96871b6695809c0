package dev.imgsign.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.camo.CamoVerifier;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.UrlSigner;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkVerifier;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkVerifier;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLinkVerifier;
import dev.imgsign.html.HtmlImageRewriter;
import dev.imgsign.imageproxy.ImageproxyRequest;
import dev.imgsign.imageproxy.ImageproxySigner;
import dev.imgsign.imageproxy.ImageproxyVerifier;
import dev.imgsign.imgproxy.ImgproxySigner;
import dev.imgsign.imgproxy.ImgproxyVerifier;
import dev.imgsign.servlet.SignedUrlFilter;
import dev.imgsign.thumbor.ThumborSigner;
import dev.imgsign.thumbor.ThumborVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans, conditions and startup failures, without a server (fast); Boot 3.5 here, 4.0 in the boot4 module. */
@ExtendWith(OutputCaptureExtension.class)
class AutoConfigurationTest {
    private static final String KEY = "0x24FEEDFACEDEADBEEFCAFE";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ImgsignAutoConfiguration.class));
    private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ImgsignAutoConfiguration.class));

    @Test
    void noKeyNoBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(UrlSigner.class).doesNotHaveBean(UrlVerifier.class)
                    .doesNotHaveBean(HtmlImageRewriter.class);
            assertThat(context).hasSingleBean(SignedUrls.class).hasSingleBean(ImgsignDialect.class);
            org.assertj.core.api.Assertions.assertThatIllegalStateException()
                    .isThrownBy(() -> context.getBean(SignedUrls.class).camo("http://example.net/a.png"))
                    .withMessageContaining("imgsign.camo.key-env");
        });
    }

    @Test
    void blankKeyPropertiesLeaveTheSchemeOff() {
        runner.withPropertyValues("imgsign.camo.key-env=", "imgsign.camo.key-file= ").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(CamoSigner.class));
        runner.withPropertyValues("imgsign.camo.key-env=", "imgsign.camo.key=" + KEY).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(CamoSigner.class));
    }

    @Test
    void everySchemeFromProperties() {
        runner.withPropertyValues("imgsign.camo.key=" + KEY,
                "imgsign.imageproxy.key=" + KEY, "imgsign.imageproxy.base-url=https://img.example.org",
                "imgsign.weekly.key=" + KEY, "imgsign.expiring.key=" + KEY, "imgsign.aurelia.key=" + KEY,
                "imgsign.imgproxy.key=0123456789abcdef0123456789abcdef", "imgsign.imgproxy.salt=fedcba9876543210",
                "imgsign.thumbor.key=" + KEY)
                .run(context -> {
                    assertThat(context).hasSingleBean(CamoSigner.class).hasSingleBean(CamoVerifier.class)
                            .hasSingleBean(ImageproxySigner.class).hasSingleBean(ImageproxyVerifier.class)
                            .hasSingleBean(WeeklyLinkSigner.class).hasSingleBean(WeeklyLinkVerifier.class)
                            .hasSingleBean(ExpiringLinkSigner.class).hasSingleBean(ExpiringLinkVerifier.class)
                            .hasSingleBean(AureliaLinkSigner.class).hasSingleBean(AureliaLinkVerifier.class)
                            .hasSingleBean(ImgproxySigner.class).hasSingleBean(ImgproxyVerifier.class)
                            .hasSingleBean(ThumborSigner.class).hasSingleBean(ThumborVerifier.class)
                            .hasSingleBean(HtmlImageRewriter.class);
                    SignedUrls urls = context.getBean(SignedUrls.class);
                    String camo = urls.camo("http://example.net/a.png");
                    assertThat(context.getBean(CamoVerifier.class).verify(camo).isAccepted()).isTrue();
                    String imageproxy = urls.imageproxy("http://example.net/a.png", "100x150");
                    assertThat(imageproxy).startsWith("https://img.example.org/100x150,s");
                    String target = imageproxy.substring("https://img.example.org".length());
                    assertThat(context.getBean(ImageproxyVerifier.class).verify(target).isAccepted()).isTrue();
                    assertThat(context.getBean(ImageproxyVerifier.class).verify(imageproxy).isAccepted()).isTrue();
                    String weekly = urls.weekly("avatars", "http://example.net/a.png", 150, 150);
                    assertThat(context.getBean(WeeklyLinkVerifier.class).verify(weekly).isAccepted()).isTrue();
                    String expiring = urls.expiring("/media/a.png");
                    assertThat(context.getBean(ExpiringLinkVerifier.class).verify(expiring).isAccepted()).isTrue();
                    String aurelia = urls.aurelia("/images/a.png", 60);
                    assertThat(context.getBean(AureliaLinkVerifier.class).verify(aurelia).isAccepted()).isTrue();
                    String imgproxy = urls.imgproxy("http://example.net/a.png");
                    assertThat(context.getBean(ImgproxyVerifier.class).verify(imgproxy).isAccepted()).isTrue();
                    String thumbor = urls.thumbor("http://example.net/a.png");
                    assertThat(context.getBean(ThumborVerifier.class).verify(thumbor).isAccepted()).isTrue();
                });
    }

    @Test
    void optionsReachTheBuilders() {
        runner.withPropertyValues("imgsign.camo.key=" + KEY, "imgsign.camo.prefix=https://camo.example.org/",
                "imgsign.camo.encoding=base64", "imgsign.camo.max-length=200").run(context -> {
                    String signed = context.getBean(CamoSigner.class).sign("http://example.net/a.png");
                    assertThat(signed).startsWith("https://camo.example.org/").doesNotContain("/687474");
                    String target = signed.substring("https://camo.example.org".length());
                    assertThat(context.getBean(CamoVerifier.class).verify(target).isAccepted()).isTrue();
                    assertThat(context.getBean(CamoVerifier.class).verify(signed).isAccepted()).isTrue();
                    assertThat(context.getBean(CamoVerifier.class).verify(target + "x".repeat(200)).isAccepted())
                            .isFalse();
                });
    }

    @Test
    void olderKeysVerifyButDoNotSign(@TempDir Path dir) throws Exception {
        Path older = Files.writeString(dir.resolve("old.key"), "an older key of enough length\n");
        runner.withPropertyValues("imgsign.camo.key=" + KEY, "imgsign.camo.older-key-file=" + older).run(context -> {
            CamoSigner old = CamoSigner.builder(KeySet.ofUtf8("an older key of enough length")).build();
            String byOld = old.sign("http://example.net/a.png");
            assertThat(context.getBean(CamoVerifier.class).verify(byOld).isAccepted()).isTrue();
            assertThat(context.getBean(CamoSigner.class).sign("http://example.net/a.png")).isNotEqualTo(byOld);
        });
    }

    @Test
    void keyFileNewlineFollowsTheSchemesServer(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "a shared key of enough length\n");
        String url = "http://example.net/a.png";
        // imageproxy's server reads -signatureKey @file whole: the newline is part of the key.
        runner.withPropertyValues("imgsign.imageproxy.key-file=" + file, "imgsign.imageproxy.base-url=").run(context ->
                assertThat(context.getBean(ImageproxySigner.class).sign(ImageproxyRequest.of(url)))
                        .isEqualTo(ImageproxySigner.builder(KeySet.ofUtf8("a shared key of enough length\n"))
                                .baseUrl("").build().sign(ImageproxyRequest.of(url))));
        runner.withPropertyValues("imgsign.imageproxy.key-file=" + file, "imgsign.imageproxy.base-url=",
                "imgsign.imageproxy.key-file-keeps-newline=false").run(context ->
                assertThat(context.getBean(ImageproxySigner.class).sign(ImageproxyRequest.of(url)))
                        .isEqualTo(ImageproxySigner.builder(KeySet.ofUtf8("a shared key of enough length"))
                                .baseUrl("").build().sign(ImageproxyRequest.of(url))));
        // Camo servers read a key without it (KeyReader's rule).
        runner.withPropertyValues("imgsign.camo.key-file=" + file).run(context ->
                assertThat(context.getBean(CamoSigner.class).sign(url)).isEqualTo(
                        CamoSigner.builder(KeySet.ofUtf8("a shared key of enough length")).build().sign(url)));
    }

    @Test
    void beansBackOffForTheApplicationsOwn() {
        runner.withUserConfiguration(OwnBeans.class).withPropertyValues("imgsign.camo.key=" + KEY).run(context -> {
            assertThat(context).hasSingleBean(CamoSigner.class).hasSingleBean(CamoVerifier.class)
                    .hasSingleBean(SignedUrls.class);
            assertThat(context.getBean(CamoSigner.class)).isSameAs(OwnBeans.SIGNER);
            assertThat(context.getBean(CamoVerifier.class)).isSameAs(OwnBeans.VERIFIER);
            assertThat(context.getBean(SignedUrls.class).camo("http://example.net/a.png"))
                    .startsWith("https://own.example.org/");
        });
    }

    @Test
    void filterRegisteredOnItsPathOnly() {
        webRunner.withPropertyValues("imgsign.camo.key=" + KEY, "imgsign.camo.filter.enabled=true",
                "imgsign.camo.filter.path=/camo/*").run(context -> {
                    assertThat(context).hasNotFailed();
                    FilterRegistrationBean<?> registration = context.getBean("imgsignCamoFilter",
                            FilterRegistrationBean.class);
                    assertThat(registration.getFilter()).isInstanceOf(SignedUrlFilter.class);
                    assertThat(registration.getUrlPatterns()).containsExactly("/camo/*");
                });
        webRunner.withPropertyValues("imgsign.camo.key=" + KEY).run(context ->
                assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
        // Not a web application: no filter, no failure.
        runner.withPropertyValues("imgsign.camo.key=" + KEY, "imgsign.camo.filter.enabled=true",
                "imgsign.camo.filter.path=/camo/*").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void halfConfiguredSchemeFailsNamingTheProperties() {
        webRunner.withPropertyValues("imgsign.camo.filter.enabled=true", "imgsign.camo.filter.path=/camo/*")
                .run(context -> assertThat(failure(context.getStartupFailure()))
                        .contains("imgsign.camo.filter").contains("imgsign.camo.key-env"));
        webRunner.withPropertyValues("imgsign.camo.key=" + KEY, "imgsign.camo.filter.enabled=true")
                .run(context -> assertThat(failure(context.getStartupFailure()))
                        .contains("imgsign.camo.filter.path"));
        webRunner.withPropertyValues("imgsign.camo.key=" + KEY, "imgsign.camo.filter.enabled=true",
                "imgsign.camo.filter.path=/camo/*/x").run(context ->
                assertThat(failure(context.getStartupFailure())).contains("imgsign.camo.filter.path"));
        runner.withPropertyValues("imgsign.imageproxy.base-url=https://img.example.org")
                .run(context -> assertThat(failure(context.getStartupFailure()))
                        .contains("imgsign.imageproxy.base-url").contains("imgsign.imageproxy.key-file"));
    }

    @Test
    void badValuesFailNamingTheProperty() {
        assertFailure("imgsign.camo.max-length", "imgsign.camo.key=" + KEY, "imgsign.camo.max-length=many");
        assertFailure("imgsign.camo.max-length", "imgsign.camo.key=" + KEY, "imgsign.camo.max-length=0");
        assertFailure("imgsign.camo.encoding", "imgsign.camo.key=" + KEY, "imgsign.camo.encoding=hexx");
        assertFailure("imgsign.camo.dialect", "imgsign.camo.key=" + KEY, "imgsign.camo.dialect=nginx");
        assertFailure("imgsign.camo.key-encoding", "imgsign.camo.key=" + KEY, "imgsign.camo.key-encoding=rot13");
        assertFailure("imgsign.weekly.zone", "imgsign.weekly.key=" + KEY, "imgsign.weekly.zone=Mars/Olympus");
        assertFailure("imgsign.expiring.leeway", "imgsign.expiring.key=" + KEY, "imgsign.expiring.leeway=soon");
        assertFailure("imgsign.camo.key-env", "imgsign.camo.key-env=IMGSIGN_TEST_SURELY_UNSET_VARIABLE");
        assertFailure("imgsign.imgproxy.salt-env", "imgsign.imgproxy.key=0123456789abcdef");
        assertFailure("imgsign.imgproxy.*", "imgsign.imgproxy.key=0123456789abcdef", "imgsign.imgproxy.salt=zz");
        assertFailure("imgsign.thumbor.max-length", "imgsign.thumbor.key=" + KEY, "imgsign.thumbor.max-length=0");
        assertFailure("imgsign.camo.key-file", "imgsign.camo.key-file=/nonexistent/imgsign/camo.key");
        assertFailure("imgsign.camo.key", "imgsign.camo.key=" + KEY, "imgsign.camo.key-file=/etc/hostname");
        assertFailure("imgsign.weekly.protocol", "imgsign.weekly.key=" + KEY, "imgsign.weekly.protocol=v2");
        assertFailure("imgsign.imageproxy.referrers", "imgsign.imageproxy.key=" + KEY,
                "imgsign.imageproxy.referrers=site.example,not a host");
        assertFailure("imgsign.imageproxy.remote-url-form", "imgsign.imageproxy.key=" + KEY,
                "imgsign.imageproxy.base-url=https://img.example.org", "imgsign.imageproxy.remote-url-form=hex");
    }

    @Test
    void applicationsOwnFilterRegistrationWins() {
        webRunner.withUserConfiguration(OwnFilter.class).withPropertyValues("imgsign.camo.key=" + KEY,
                "imgsign.camo.filter.enabled=true", "imgsign.camo.filter.path=/camo/*").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(FilterRegistrationBean.class);
                    assertThat(context.getBean("imgsignCamoFilter")).isSameAs(OwnFilter.REGISTRATION);
                });
    }

    @Test
    void keyTextNeverInFailuresOrLogs(CapturedOutput output) {
        String badHex = "not-hex-but-a-secret-zz";
        runner.withPropertyValues("imgsign.camo.key=" + badHex, "imgsign.camo.key-encoding=hex").run(context -> {
            String failure = failure(context.getStartupFailure());
            assertThat(failure).contains("imgsign.camo.key").doesNotContain(badHex);
        });
        runner.withPropertyValues("imgsign.camo.key=short-secret").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CamoSigner.class);
            assertThat(context.getBean(CamoSigner.class).toString()).doesNotContain("short-secret");
        });
        assertThat(output.toString()).contains("imgsign.camo.key is shorter than 16 bytes")
                .doesNotContain("short-secret").doesNotContain(badHex);
    }

    @Test
    void optionalIntegrationsFollowTheClassPath() {
        String[] camo = {"imgsign.camo.key=" + KEY, "imgsign.camo.filter.enabled=true", "imgsign.camo.filter.path=/c/*"};
        webRunner.withPropertyValues(camo).run(context -> assertThat(context).hasSingleBean(HtmlImageRewriter.class)
                .hasSingleBean(ImgsignDialect.class).hasSingleBean(VerificationObserver.class));
        webRunner.withClassLoader(new FilteredClassLoader("dev.imgsign.html.", "org.thymeleaf.", "io.micrometer."))
                .withPropertyValues(camo).run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(CamoSigner.class).hasSingleBean(FilterRegistrationBean.class)
                        .doesNotHaveBean(HtmlImageRewriter.class).doesNotHaveBean(ImgsignDialect.class)
                        .doesNotHaveBean(VerificationObserver.class));
        // A configured scheme whose module is missing fails rather than silently doing nothing.
        runner.withClassLoader(new FilteredClassLoader("dev.imgsign.camo.")).withPropertyValues("imgsign.camo.key=" + KEY)
                .run(context -> assertThat(failure(context.getStartupFailure()))
                        .contains("imgsign.camo.*").contains("dev.imgsign.camo.CamoSigner"));
        webRunner.withClassLoader(new FilteredClassLoader("dev.imgsign.servlet.")).withPropertyValues(camo)
                .run(context -> assertThat(failure(context.getStartupFailure()))
                        .contains("imgsign.camo.filter.enabled").contains("signer-servlet"));
    }

    @Test
    void everyPropertyHasADescriptionInTheMetadata() throws Exception {
        String json;
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // One entry per property: a "name" that starts with imgsign. and, in the same object, a description.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[^{}]*\"name\": \"(imgsign\\.[^\"]+)\"[^{}]*\\}")
                .matcher(json);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (m.group().contains("\"sourceType\"") && !m.group().contains("\"type\": \"dev.imgsign")) {
                names.add(m.group(1));
                assertThat(m.group()).as(m.group(1)).contains("\"description\"");
            }
        }
        assertThat(names).contains("imgsign.camo.key-env", "imgsign.camo.filter.path", "imgsign.imageproxy.base-url",
                "imgsign.weekly.zone", "imgsign.expiring.leeway", "imgsign.aurelia.validity", "imgsign.html.scheme");
        assertThat(json).contains("\"hints\"").contains("atmos-camo");
    }

    @Test
    void startupFailureIsReportedNamingThePropertyNotTheKey(CapturedOutput output) {
        SpringApplication application = new SpringApplication(Minimal.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--spring.main.banner-mode=off",
                "--imgsign.weekly.key=a weekly key, long enough", "--imgsign.weekly.key-file=/some/file"))
                .isInstanceOf(Exception.class);
        assertThat(output.toString()).contains("APPLICATION FAILED TO START")
                .contains("imgsign.weekly.key-file").doesNotContain("a weekly key, long enough");
        assertThatThrownBy(() -> application.run("--spring.main.banner-mode=off", "--imgsign.camo.filter.enabled=true"))
                .isInstanceOf(Exception.class);
        assertThat(output.toString()).contains("imgsign.camo.filter.enabled").contains("imgsign.camo.key-env");
    }

    private void assertFailure(String property, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(failure(context.getStartupFailure())).contains(property);
        });
    }

    /** Every message in the cause chain, as a failure analysis would show them. */
    private static String failure(Throwable failure) {
        assertThat(failure).isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return String.join("\n", messages);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ImgsignAutoConfiguration.class)
    static class Minimal {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFilter {
        static final FilterRegistrationBean<SignedUrlFilter> REGISTRATION = new FilterRegistrationBean<>();

        @Bean
        FilterRegistrationBean<SignedUrlFilter> imgsignCamoFilter() {
            return REGISTRATION;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final CamoSigner SIGNER =
                CamoSigner.builder(KeySet.ofUtf8("the application's own key")).prefix("https://own.example.org").build();
        static final CamoVerifier VERIFIER = CamoVerifier.builder(KeySet.ofUtf8("the application's own key")).build();

        @Bean
        CamoSigner mySigner() {
            return SIGNER;
        }

        @Bean
        CamoVerifier myVerifier() {
            return VERIFIER;
        }
    }
}
