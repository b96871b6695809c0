package dev.imgsign.core;

/**
 * Decides whether a request to a proxy carries a valid signature, as the scheme's real server would.
 * Implementations are immutable and thread-safe, never throw for any input string and do bounded work.
 *
 * @param <R> the decoded request the scheme yields when it accepts
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface UrlVerifier<R> {
    /**
     * Verifies a request.
     *
     * @param request the raw request target and the headers the scheme reads
     * @return the accepted request, or a rejection saying why; never {@code null}
     */
    Verification<R> verify(ProxyRequest request);

    /**
     * Verifies a request target that came without headers; the same as
     * {@code verify(ProxyRequest.of(requestTarget))}, and a {@link Rejection#MALFORMED} rejection for
     * {@code null}.
     *
     * @param requestTarget the raw path plus {@code ?query} exactly as the server received it, still
     *     percent-encoded (for a servlet: {@code getRequestURI()} plus {@code "?" + getQueryString()}
     *     when there is one, minus any context path the proxy is mounted under)
     * @return the accepted request, or a rejection saying why; never {@code null}
     */
    default Verification<R> verify(String requestTarget) {
        return requestTarget == null
                ? Verification.rejected(Rejection.MALFORMED, "no request target")
                : verify(ProxyRequest.of(requestTarget));
    }
}
