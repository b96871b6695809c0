package dev.imgsign.servlet;

import dev.imgsign.core.KeyReader;
import dev.imgsign.core.KeySet;
import dev.imgsign.core.SchemeConfig;
import dev.imgsign.core.Schemes;
import dev.imgsign.core.SigningKey;
import dev.imgsign.core.UrlVerifier;
import dev.imgsign.core.Verification;
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
 * the expected signature or the key. The reason is logged at debug level ({@link System.Logger}).
 *
 * <p>Configure it in code with {@link #SignedUrlFilter(UrlVerifier)}, or in {@code web.xml} with init
 * parameters:
 * <ul>
 *   <li>{@code scheme}: the {@link dev.imgsign.core.SchemeProvider} name ({@code camo}, {@code imageproxy}, ...)</li>
 *   <li>{@code key-env}: environment variables holding the keys, comma-separated, primary first; or</li>
 *   <li>{@code key-file}: files holding the keys, comma-separated, primary first</li>
 *   <li>{@code key-encoding}: {@code utf8} (default), {@code hex} or {@code base64}; keys are read by
 *       {@link KeyReader}'s rule (utf8: the bytes less one trailing line break), as the {@code imgsign}
 *       command reads {@code -k @FILE}, so one key file gives one key everywhere. A key shorter than
 *       16 bytes is logged as weak (never the key itself).</li>
 *   <li>{@code path-prefix}: a prefix to strip from the path (after the context path) before verifying,
 *       for a filter mapped under e.g. {@code /camo/*}</li>
 *   <li>{@code option.NAME}: passed to the scheme as option {@code NAME}</li>
 * </ul>
 * A key given inline ({@code key}) is refused: web.xml files end up in version control.
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
     * A filter that verifies with {@code verifier} after stripping {@code pathPrefix} from the path.
     *
     * @param verifier the scheme's verifier
     * @param pathPrefix the prefix to strip (after the context path), such as {@code /camo}
     */
    public SignedUrlFilter(UrlVerifier<?> verifier, String pathPrefix) {
        this(Objects.requireNonNull(verifier, "verifier"), System::getenv);
        this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
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
        String prefix = config.getInitParameter("path-prefix");
        if (prefix != null) {
            pathPrefix = prefix;
        }
        try {
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
        Verification<?> verification = current.verify(requestTarget(request));
        if (verification instanceof Verification.Rejected<?> rejected) {
            LOG.log(System.Logger.Level.DEBUG, () -> "rejected " + rejected.reason() + ": " + rejected.detail());
            answer(response, rejected.httpStatus());
            return;
        }
        request.setAttribute(VERIFICATION_ATTRIBUTE, verification);
        chain.doFilter(request, response);
    }

    /** The raw path (without context path and configured prefix) and query, still percent-encoded. */
    private String requestTarget(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (!context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        if (!pathPrefix.isEmpty() && uri.startsWith(pathPrefix)) {
            uri = uri.substring(pathPrefix.length());
        }
        String query = request.getQueryString();
        return query == null ? uri : uri + "?" + query;
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
