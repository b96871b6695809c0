package dev.imgsign.servlet;

import dev.imgsign.core.KeyReader;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.Rejection;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
import dev.imgsign.core.internal.Percent;
import dev.imgsign.core.spi.SchemeConfig;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Verifies signed image URLs in front of an existing servlet.
 *
 * <p>Only GET and HEAD are served (anything else gets 405). An accepted request continues down the
 * chain with its {@link Verification} in the request attribute {@link #VERIFICATION_ATTRIBUTE}; a
 * rejected one is answered with the rejection's HTTP status and a short generic body that never holds
 * the expected signature or the key. The reason is logged ({@link System.Logger}) at debug level, except
 * {@link Rejection#TARGET_REFUSED} (a valid signature over a target the scheme refuses: the application
 * signed something the proxy will not fetch), logged at info level so an operator sees the application bug.
 *
 * <p>The verifier receives a {@link ProxyRequest}: the raw request target (see "Routing") and the
 * request's {@code Referer} header, which schemes with a referrer policy read (imageproxy's
 * {@code option.referrers}).
 *
 * <p>Configure it in code with {@link #SignedUrlFilter(UrlVerifier)}, or in {@code web.xml} with init
 * parameters:
 * <ul>
 *   <li>{@code scheme}: the {@link dev.imgsign.core.spi.SchemeProvider} name ({@code camo}, {@code imageproxy}, ...)</li>
 *   <li>{@code key-env}: environment variables holding the keys, comma-separated, primary first; or</li>
 *   <li>{@code key-file}: files holding the keys, comma-separated, primary first</li>
 *   <li>{@code key-encoding}: {@code utf8} (default), {@code hex} or {@code base64}; keys are read by
 *       {@link KeyReader}'s rule (utf8: the bytes less one trailing line break), as the {@code imgsign}
 *       command reads {@code -k @FILE}, so one key file gives one key everywhere. A key shorter than
 *       16 bytes is logged as weak (never the key itself).</li>
 *   <li>{@code path-prefix}: a prefix to strip from the path (after the context path) before verifying,
 *       for a filter mapped under e.g. {@code /camo/*}; see "Routing" below</li>
 *   <li>{@code option.NAME}: passed to the scheme as option {@code NAME}</li>
 * </ul>
 * For example, imgproxy ({@code scheme=imgproxy}) reads its keys as the server does, in hex:
 * {@code key-env=IMGPROXY_KEY} (or {@code key-file}) with {@code key-encoding=hex}; its salts, one per key in
 * the same order, are an option: {@code option.saltsEnv=IMGPROXY_SALT} (a variable holding comma-separated
 * hex salts) or {@code option.salts=HEX,...}; {@code option.signatureSize}, {@code option.serverVersion}
 * ({@code v3}/{@code v4}) and {@code option.trustedSignatures} mirror the server's settings. thumbor
 * ({@code scheme=thumbor}) takes {@code key-env=THUMBOR_SECURITY_KEY} (UTF-8, as thumbor's
 * {@code SECURITY_KEY}). Each scheme module's README lists its options.
 * A key given inline ({@code key}) is refused: web.xml files end up in version control.
 *
 * <p><b>Routing.</b> The filter verifies the raw request target: the request URI without the context
 * path, as the client sent it (still percent-encoded), plus the query. With a path prefix (say
 * {@code /camo}), the prefix matches only on a segment boundary ({@code /camo} or {@code /camo/...},
 * compared byte for byte, case-sensitively, as servlet mappings are) and is stripped before verifying.
 * <b>A request outside the prefix is refused with 404</b>, never verified as if it were inside and
 * never passed on: the filter cannot know whether the resource behind it would serve that path
 * unprotected, and a container may route to the filter paths whose raw form does not start with the
 * prefix ({@code /%63amo/...}, {@code /camo;x/...}). Map the filter to the prefix's pattern
 * ({@code /camo/*} with {@code path-prefix=/camo}), or without a prefix to exactly the paths that hold
 * signed URLs.
 *
 * <p>Before verifying, the filter also checks that the application will see the path that is
 * verified; otherwise it answers 400 and the servlet does not run:
 * <ul>
 *   <li>the raw path, percent-decoded as UTF-8, must have no dot segment ({@code .} or {@code ..},
 *       also spelt {@code %2e}, or followed by a {@code ;} parameter): with encoded slashes allowed
 *       (Jetty's {@code UriCompliance.UNSAFE} and {@code setDecodeAmbiguousURIs(true)}, which schemes
 *       with {@code %2F} in their URLs need), a signed {@code /files/a/..%2F..%2Fadmin/x} would reach
 *       the servlet as {@code pathInfo=/a/../../admin/x};</li>
 *   <li>the decoded raw path must equal the container's decoded path, {@code getServletPath()} plus
 *       {@code getPathInfo()} (so a container that normalises or drops {@code ;} parameters cannot hand
 *       the servlet another path than the one verified). The one difference accepted is Tomcat's merging
 *       of each run of {@code /} into one, which every path with {@code ://} in it goes through (imageproxy
 *       URLs, imgproxy's {@code plain/} sources): the servlet then sees {@code https:/host/...}; and
 *       Tomcat's {@code encodedSolidusHandling=passthrough}, which leaves {@code %2F} undecoded. Neither
 *       can climb out of a directory (dot segments are refused first); read the verified request from
 *       the request attribute rather than re-parsing the path.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public class SignedUrlFilter implements Filter {
    /** The request attribute holding the accepted {@link Verification}. */
    public static final String VERIFICATION_ATTRIBUTE = "dev.imgsign.verification";

    private static final System.Logger LOG = System.getLogger(SignedUrlFilter.class.getName());

    private final UnaryOperator<String> environment;
    private volatile UrlVerifier<?> verifier;
    private volatile String pathPrefix = "";

    /** For containers that create the filter from web.xml; configured in {@link #init(FilterConfig)}. */
    public SignedUrlFilter() {
        this(null, System::getenv);
    }

    /**
     * A filter that verifies with {@code verifier}.
     *
     * @param verifier the scheme's verifier
     */
    public SignedUrlFilter(UrlVerifier<?> verifier) {
        this(Objects.requireNonNull(verifier, "verifier"), System::getenv);
    }

    /**
     * A filter that verifies with {@code verifier} requests under {@code pathPrefix} (after the context
     * path), with the prefix stripped; requests outside it are refused with 404 (see the class comment).
     *
     * @param verifier the scheme's verifier
     * @param pathPrefix the prefix to strip (after the context path), such as {@code /camo}
     * @throws IllegalArgumentException if {@code pathPrefix} is neither empty nor starts with {@code /}
     */
    public SignedUrlFilter(UrlVerifier<?> verifier, String pathPrefix) {
        this(Objects.requireNonNull(verifier, "verifier"), System::getenv);
        this.pathPrefix = normalisePrefix(Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    /** {@code ""} or a path starting with {@code /} without a trailing {@code /} ({@code /} itself is {@code ""}). */
    static String normalisePrefix(String prefix) {
        if (!prefix.isEmpty() && prefix.charAt(0) != '/') {
            throw new IllegalArgumentException("path-prefix must be empty or start with '/', got '" + prefix + "'");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '?' || c == '#' || c == ';' || c == '%') {
                throw new IllegalArgumentException("path-prefix must be plain ASCII path characters, got '" + prefix + "'");
            }
        }
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    SignedUrlFilter(UrlVerifier<?> verifier, UnaryOperator<String> environment) {
        this.verifier = verifier;
        this.environment = environment;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (verifier != null) {
            return;
        }
        if (config.getInitParameter("key") != null) {
            throw new ServletException("SignedUrlFilter: an inline 'key' is refused; use key-env or key-file");
        }
        String scheme = config.getInitParameter("scheme");
        if (scheme == null || scheme.isBlank()) {
            throw new ServletException("SignedUrlFilter: init parameter 'scheme' is required");
        }
        try {
            String prefix = config.getInitParameter("path-prefix");
            if (prefix != null) {
                pathPrefix = normalisePrefix(prefix.strip());
            }
            SchemeConfig.Builder builder = SchemeConfig.builder().keys(readKeys(config));
            for (String name : Collections.list(config.getInitParameterNames())) {
                if (name.startsWith("option.")) {
                    builder.option(name.substring("option.".length()), config.getInitParameter(name));
                }
            }
            verifier = Schemes.provider(scheme.strip()).verifier(builder.build());
        } catch (IllegalArgumentException e) {
            throw new ServletException("SignedUrlFilter: " + e.getMessage(), e);
        }
    }

    private KeySet readKeys(FilterConfig config) throws ServletException {
        String envNames = config.getInitParameter("key-env");
        String files = config.getInitParameter("key-file");
        if ((envNames == null) == (files == null)) {
            throw new ServletException("SignedUrlFilter: give exactly one of key-env or key-file");
        }
        KeyReader.Encoding encoding;
        try {
            encoding = KeyReader.Encoding.fromName(Objects.requireNonNullElse(config.getInitParameter("key-encoding"), "utf8"));
        } catch (IllegalArgumentException e) {
            throw new ServletException("SignedUrlFilter: " + e.getMessage());
        }
        List<SigningKey> keys = new ArrayList<>();
        for (String source : (envNames != null ? envNames : files).split(",")) {
            String name = source.strip();
            SigningKey key;
            try {
                key = envNames != null
                        ? KeyReader.readEnvironment(name, encoding, environment)
                        : KeyReader.readFile(Path.of(name), encoding);
            } catch (IOException | RuntimeException e) {
                // KeyReader's messages name the source, never the key.
                String why = e instanceof IllegalArgumentException ? e.getMessage() : "cannot read key file " + name;
                throw new ServletException("SignedUrlFilter: " + why, e);
            }
            if (KeyReader.isWeak(key)) {
                LOG.log(System.Logger.Level.WARNING, () -> "SignedUrlFilter: the key from " + name + " is " + key.length()
                        + " bytes; keys shorter than " + KeyReader.RECOMMENDED_MIN_BYTES + " bytes are weak");
            }
            keys.add(key.withId(name));
        }
        return KeySet.of(keys);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        UrlVerifier<?> current = verifier;
        if (current == null) {
            throw new ServletException("SignedUrlFilter used before init");
        }
        String target = requestTarget(request);
        if (target == null) {
            refuseOutsidePrefix(response, "outside the path prefix " + pathPrefix);
            return;
        }
        String pathProblem = pathProblem(request);
        if (pathProblem != null) {
            LOG.log(System.Logger.Level.DEBUG, () -> "refused before verifying: " + pathProblem);
            answer(response, HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Verification<?> verification = current.verify(ProxyRequest.of(target, request.getHeader("Referer")));
        if (verification instanceof Verification.Rejected<?> rejected) {
            logRejection(rejected);
            answer(response, rejected.httpStatus());
            return;
        }
        request.setAttribute(VERIFICATION_ATTRIBUTE, verification);
        chain.doFilter(request, response);
    }

    /**
     * Logs why a request was refused. A {@link Rejection#TARGET_REFUSED} carries a valid signature, so
     * the application signed a URL the proxy will not fetch: an application bug the operator should see,
     * logged at INFO; every other kind (garbage, forgery, expiry) stays at DEBUG, since any client can
     * cause them. The detail names the problem, never the key or the expected signature.
     */
    static void logRejection(Verification.Rejected<?> rejected) {
        System.Logger.Level level = rejected.reason() == Rejection.TARGET_REFUSED
                ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
        LOG.log(level, () -> "rejected " + rejected.reason() + " (" + rejected.httpStatus() + "): " + rejected.detail());
    }

    private static void refuseOutsidePrefix(HttpServletResponse response, String why) throws IOException {
        LOG.log(System.Logger.Level.DEBUG, () -> "refused: " + why);
        answer(response, HttpServletResponse.SC_NOT_FOUND);
    }

    /** The raw path within the context, as the client sent it. */
    private static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /**
     * The raw path (without context path and configured prefix) and query, still percent-encoded; or
     * {@code null} when the path is outside the prefix (which matches only on a segment boundary).
     */
    private String requestTarget(HttpServletRequest request) {
        String path = stripPrefix(rawPath(request), pathPrefix);
        if (path == null) {
            return null;
        }
        String query = request.getQueryString();
        return query == null ? path : path + "?" + query;
    }

    /**
     * {@code path} without {@code prefix} when it is {@code prefix} or starts with {@code prefix + "/"}
     * (byte for byte), else {@code null}. An empty prefix matches everything.
     */
    static String stripPrefix(String path, String prefix) {
        if (prefix.isEmpty()) {
            return path;
        }
        boolean onBoundary = path.length() == prefix.length()
                || (path.length() > prefix.length() && path.charAt(prefix.length()) == '/');
        return path.startsWith(prefix) && onBoundary ? path.substring(prefix.length()) : null;
    }

    /**
     * Why the application could see another path than the one verified, or {@code null}: a dot segment
     * after percent-decoding, bad escapes, or a decoded path other than the container's.
     */
    static String pathProblem(HttpServletRequest request) {
        String raw = rawPath(request);
        byte[] bytes = Percent.decode(raw, false);
        String decoded = bytes == null ? null : Percent.utf8OrNull(bytes);
        if (decoded == null) {
            return "path has a bad escape or is not UTF-8";
        }
        if (hasDotSegment(decoded)) {
            return "path has a dot segment after decoding";
        }
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String seen = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (!sameAfterTomcatNormalisation(decoded, seen)) {
            String keptSlashes = decodeKeepingEncodedSlashes(raw);
            if (keptSlashes == null || !sameAfterTomcatNormalisation(keptSlashes, seen)) {
                return "the container's path differs from the raw path";
            }
        }
        return null;
    }

    private static boolean sameAfterTomcatNormalisation(String decoded, String seen) {
        return decoded.equals(seen) || collapseSlashes(decoded).equals(seen);
    }

    /**
     * {@code raw} decoded except for its {@code %2F} escapes, which stay as sent: what Tomcat hands the
     * servlet with {@code encodedSolidusHandling=passthrough}; or {@code null} for a bad escape.
     */
    static String decodeKeepingEncodedSlashes(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int start = 0;
        while (true) {
            int slash = indexOfEncodedSlash(raw, start);
            String piece = raw.substring(start, slash < 0 ? raw.length() : slash);
            byte[] bytes = Percent.decode(piece, false);
            String decoded = bytes == null ? null : Percent.utf8OrNull(bytes);
            if (decoded == null) {
                return null;
            }
            out.append(decoded);
            if (slash < 0) {
                return out.toString();
            }
            out.append(raw, slash, slash + 3);
            start = slash + 3;
        }
    }

    private static int indexOfEncodedSlash(String raw, int from) {
        for (int i = raw.indexOf('%', from); i >= 0 && i + 2 < raw.length(); i = raw.indexOf('%', i + 1)) {
            if (raw.charAt(i + 1) == '2' && (raw.charAt(i + 2) == 'F' || raw.charAt(i + 2) == 'f')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code path} with each run of {@code /} written as one, as Tomcat normalises every request path
     * ({@code https://host} in a signed path reaches the servlet as {@code https:/host}). Merging cannot
     * leave a directory, so it is the one normalisation accepted (after the dot-segment check).
     */
    static String collapseSlashes(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || out.length() == 0 || out.charAt(out.length() - 1) != '/') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a {@code /}-separated segment is {@code .} or {@code ..}, alone or before a {@code ;} parameter. */
    static boolean hasDotSegment(String decodedPath) {
        int start = 0;
        while (start <= decodedPath.length()) {
            int end = decodedPath.indexOf('/', start);
            if (end < 0) {
                end = decodedPath.length();
            }
            int semicolon = decodedPath.indexOf(';', start);
            int stop = semicolon >= 0 && semicolon < end ? semicolon : end;
            int length = stop - start;
            if ((length == 1 || length == 2) && decodedPath.charAt(start) == '.'
                    && (length == 1 || decodedPath.charAt(start + 1) == '.')) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static void answer(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(genericBody(status).getBytes(StandardCharsets.UTF_8));
    }

    /** A body that says only what kind of failure happened, never why in detail. */
    static String genericBody(int status) {
        switch (status) {
            case 400:
                return "Bad request\n";
            case 403:
                return "Forbidden\n";
            case 404:
                return "Not found\n";
            case 405:
                return "Method not allowed\n";
            case 410:
                return "Gone\n";
            case 414:
                return "URI too long\n";
            default:
                return "Request refused\n";
        }
    }
}
