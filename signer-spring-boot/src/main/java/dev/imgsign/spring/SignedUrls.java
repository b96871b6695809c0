package dev.imgsign.spring;

import dev.imgsign.camo.CamoSigner;
import dev.imgsign.expiring.aurelia.AureliaLinkSigner;
import dev.imgsign.expiring.link.ExpiringLinkSigner;
import dev.imgsign.expiring.weekly.WeeklyLink;
import dev.imgsign.expiring.weekly.WeeklyLinkSigner;
import dev.imgsign.imageproxy.ImageproxyOptions;
import dev.imgsign.imageproxy.ImageproxyRequest;
import dev.imgsign.imageproxy.ImageproxySigner;
import dev.imgsign.imgproxy.ImgproxyRequest;
import dev.imgsign.imgproxy.ImgproxySigner;
import dev.imgsign.thumbor.ThumborOptions;
import dev.imgsign.thumbor.ThumborSigner;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.BeanFactory;

/**
 * Signed URLs by scheme name, for templates and code: the object behind Thymeleaf's {@code #imgsign}
 * ({@code th:src="${#imgsign.camo(url)}"}) and a bean ({@code imgsignSignedUrls}) to inject elsewhere.
 *
 * <p>Each method uses the application's signer bean of that scheme (the auto-configured one, or the
 * application's own), looked up on first use. A scheme without a signer bean gets an
 * {@link IllegalStateException} naming the properties to set; a URL the signer refuses gets its
 * {@link IllegalArgumentException}. Thread-safe.
 */
public class SignedUrls {
    private final BeanFactory beans;
    private final Duration expiringValidity;
    private final Duration aureliaValidity;
    private final ConcurrentMap<Class<?>, Object> signers = new ConcurrentHashMap<>();

    /**
     * Signed URLs from the signer beans of {@code beans}.
     *
     * @param beans where the signer beans are looked up
     * @param expiringValidity how long {@link #expiring(String)} links stay valid
     * @param aureliaValidity how long {@link #aurelia(String)} links stay valid
     */
    public SignedUrls(BeanFactory beans, Duration expiringValidity, Duration aureliaValidity) {
        this.beans = Objects.requireNonNull(beans, "beans");
        this.expiringValidity = Objects.requireNonNull(expiringValidity, "expiringValidity");
        this.aureliaValidity = Objects.requireNonNull(aureliaValidity, "aureliaValidity");
    }

    /**
     * The Camo URL for the image at {@code url}.
     *
     * @param url the image's absolute http(s) URL
     * @return the signed URL
     */
    public String camo(String url) {
        return signer(CamoSigner.class, "imgsign.camo.key-env").sign(url);
    }

    /**
     * The imageproxy URL for the image at {@code url}, without options.
     *
     * @param url the remote image's URL
     * @return the signed URL
     */
    public String imageproxy(String url) {
        return signer(ImageproxySigner.class, "imgsign.imageproxy.key-env and imgsign.imageproxy.base-url")
                .sign(ImageproxyRequest.of(url));
    }

    /**
     * The imageproxy URL for the image at {@code url} with {@code options}.
     *
     * @param url the remote image's URL
     * @param options the options as imageproxy writes them, such as {@code 100x150,q80}
     * @return the signed URL
     */
    public String imageproxy(String url, String options) {
        return signer(ImageproxySigner.class, "imgsign.imageproxy.key-env and imgsign.imageproxy.base-url")
                .sign(url, ImageproxyOptions.parse(options));
    }

    /**
     * The weekly-key link to the full-size image at {@code url} in {@code bucket}.
     *
     * @param bucket the bucket
     * @param url the image's URL
     * @return the signed link
     */
    public String weekly(String bucket, String url) {
        return signer(WeeklyLinkSigner.class, "imgsign.weekly.key-env").sign(WeeklyLink.full(bucket, url));
    }

    /**
     * The weekly-key link to the image at {@code url} in {@code bucket}, resized.
     *
     * @param bucket the bucket
     * @param url the image's URL
     * @param height the height in pixels
     * @param width the width in pixels
     * @return the signed link
     */
    public String weekly(String bucket, String url, int height, int width) {
        return signer(WeeklyLinkSigner.class, "imgsign.weekly.key-env")
                .sign(WeeklyLink.resized(bucket, url, height, width));
    }

    /**
     * The expiring link to {@code path}, valid for {@code imgsign.expiring.validity}.
     *
     * @param path the path (and query) to sign
     * @return the signed link
     */
    public String expiring(String path) {
        return signer(ExpiringLinkSigner.class, "imgsign.expiring.key-env").sign(path, expiringValidity);
    }

    /**
     * The expiring link to {@code path}, valid for {@code seconds}.
     *
     * @param path the path (and query) to sign
     * @param seconds how long the link stays valid
     * @return the signed link
     */
    public String expiring(String path, long seconds) {
        return signer(ExpiringLinkSigner.class, "imgsign.expiring.key-env").sign(path, Duration.ofSeconds(seconds));
    }

    /**
     * The aurelia link to {@code path}, valid for {@code imgsign.aurelia.validity}.
     *
     * @param path the path to sign
     * @return the signed link
     */
    public String aurelia(String path) {
        return signer(AureliaLinkSigner.class, "imgsign.aurelia.key-env").sign(path, aureliaValidity);
    }

    /**
     * The aurelia link to {@code path}, valid for {@code seconds}.
     *
     * @param path the path to sign
     * @param seconds how long the link stays valid
     * @return the signed link
     */
    public String aurelia(String path, long seconds) {
        return signer(AureliaLinkSigner.class, "imgsign.aurelia.key-env").sign(path, Duration.ofSeconds(seconds));
    }

    /**
     * The imgproxy URL for the image at {@code url}, without processing options.
     *
     * @param url the source image's URL
     * @return the signed URL
     */
    public String imgproxy(String url) {
        return signer(ImgproxySigner.class, "imgsign.imgproxy.key-env and imgsign.imgproxy.salt-env")
                .sign(ImgproxyRequest.of(url));
    }

    /**
     * The thumbor URL for the image at {@code url}, without options.
     *
     * @param url the image's URL
     * @return the signed URL
     */
    public String thumbor(String url) {
        return signer(ThumborSigner.class, "imgsign.thumbor.key-env").sign(ThumborOptions.NONE, url);
    }

    private <T> T signer(Class<T> type, String properties) {
        Object signer = signers.get(type);
        if (signer == null) {
            signer = beans.getBeanProvider(type).getIfUnique();
            if (signer == null) {
                throw new IllegalStateException("no single " + type.getSimpleName() + " bean: set " + properties
                        + " (or key-file, key), or define exactly one (or mark one @Primary)");
            }
            signers.putIfAbsent(type, signer);
        }
        return type.cast(signer);
    }

    @Override
    public String toString() {
        return "SignedUrls";
    }
}
