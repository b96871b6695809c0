package dev.imgsign.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One request to an image proxy as a verifier reads it: the raw request target (path and query, still
 * percent-encoded, exactly as received) and the request headers a scheme may read (today only
 * {@code Referer}, for imageproxy's {@code referrers} policy). Immutable; the query is split off once,
 * here, so verifiers do not each search for it.
 *
 * <p>{@link UrlVerifier#verify(String)} wraps a bare target in one of these; a servlet filter or
 * controller that has the headers builds it with {@link #of(String, String)}.
 *
 * @since 0.1.0
 */
public final class ProxyRequest {
    private final String target;
    private final int queryStart;
    private final String referer;

    private ProxyRequest(String target, String referer) {
        this.target = target;
        this.queryStart = target.indexOf('?');
        this.referer = referer;
    }

    /**
     * A request with no headers.
     *
     * @param requestTarget the raw path plus {@code ?query} as the server received it (or, for
     *     verifiers configured with their signer's prefix, a URL exactly as the signer returned it)
     * @return the request
     * @throws IllegalArgumentException if {@code requestTarget} is null
     */
    public static ProxyRequest of(String requestTarget) {
        return of(requestTarget, null);
    }

    /**
     * A request with its {@code Referer} header.
     *
     * @param requestTarget the raw path plus {@code ?query} as the server received it
     * @param referer the {@code Referer} header, or {@code null} when the request had none
     * @return the request
     * @throws IllegalArgumentException if {@code requestTarget} is null
     */
    public static ProxyRequest of(String requestTarget, String referer) {
        if (requestTarget == null) {
            throw new IllegalArgumentException("requestTarget must not be null");
        }
        return new ProxyRequest(requestTarget, referer);
    }

    /** {@return the raw request target: path and, when there is one, {@code ?} and the query} */
    public String target() {
        return target;
    }

    /** {@return the raw path: the target up to its first {@code ?}} */
    public String rawPath() {
        return queryStart < 0 ? target : target.substring(0, queryStart);
    }

    /** {@return the raw query after the first {@code ?}, or empty when the target has no {@code ?}} */
    public Optional<String> rawQuery() {
        return queryStart < 0 ? Optional.empty() : Optional.of(target.substring(queryStart + 1));
    }

    /** {@return the index of the first {@code ?} in {@link #target()}, or -1 when there is none} */
    public int queryStart() {
        return queryStart;
    }

    /** {@return the {@code Referer} header, or empty when the request had none} */
    public Optional<String> referer() {
        return Optional.ofNullable(referer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyRequest other && target.equals(other.target)
                && Objects.equals(referer, other.referer);
    }

    @Override
    public int hashCode() {
        return target.hashCode() * 31 + Objects.hashCode(referer);
    }

    @Override
    public String toString() {
        return "ProxyRequest[target=" + target + (referer == null ? "" : ", referer=" + referer) + "]";
    }
}
