package dev.imgsign.expiring.aurelia;

import dev.imgsign.expiring.internal.LinkPaths;
import java.util.Objects;

/**
 * A seed-001 style link, {@code {path}?signature=<aurelia hash>&expires_at=<unix>}, whose signature is
 * the aurelia hash of the expiry (decimal) followed by the image name (the last path segment).
 *
 * @param path the raw, percent-encoded path, starting with {@code /}
 * @param expiresAt the last valid second, Unix time
 * @since 0.1.0
 */
public record AureliaLink(String path, long expiresAt) {
    /**
     * Checks only that the path is present; signers and verifiers judge its form.
     *
     * @param path the raw, percent-encoded path, starting with {@code /}
     * @param expiresAt the last valid second, Unix time
     * @throws NullPointerException if the path is null
     */
    public AureliaLink {
        Objects.requireNonNull(path, "path");
    }

    /**
     * The image name the signature binds: the last path segment, percent-decoded.
     *
     * @return the decoded last segment
     * @throws IllegalArgumentException if the last path segment is not validly percent-encoded UTF-8
     */
    public String imageName() {
        String name = LinkPaths.lastSegment(path);
        if (name == null) {
            throw new IllegalArgumentException("path has no valid last segment");
        }
        return name;
    }
}
