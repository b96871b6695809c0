package dev.imgsign.cli;

import dev.imgsign.core.Verification;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Small pieces the scheme subcommands share. */
final class Common {
    private Common() {
    }

    /** The clock for {@code --at}: an ISO-8601 instant or unix seconds; the system UTC clock when absent. */
    static Clock clockAt(String at) {
        if (at == null) {
            return Clock.systemUTC();
        }
        Instant instant;
        try {
            instant = isUnixSeconds(at) ? Instant.ofEpochSecond(Long.parseLong(at)) : Instant.parse(at);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("--at takes an ISO-8601 instant (2026-11-22T10:00:00Z) or unix seconds, not '" + at + "'");
        }
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static boolean isUnixSeconds(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() > 19) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The request target (raw path and query) of a signed URL given in full ({@code https://host/p?q}),
     * or the text itself when it already starts with {@code /}. A fragment is dropped, as a browser does.
     */
    static String requestTarget(String signedUrl) {
        if (signedUrl.startsWith("/")) {
            return signedUrl;
        }
        URI uri;
        try {
            uri = new URI(signedUrl);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        if (uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("give a full signed URL (scheme://host/...) or a path starting with /");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * {@code value} if it is empty, an absolute http(s) URL with a host and nothing after the path
     * ({@code https://img.example.org}, {@code http://localhost:8080/proxy}), or, where {@code pathAllowed}, a
     * path starting with {@code /}. Anything else ({@code img.example.org} without a scheme) would produce links
     * that resolve against the page they are on, so it is a usage error.
     *
     * @throws IllegalArgumentException naming {@code option}
     */
    static String checkUrlPrefix(String option, String value, boolean pathAllowed) {
        if (value == null || value.isEmpty() || pathAllowed && value.startsWith("/") && !value.startsWith("//")) {
            return value == null ? "" : value;
        }
        String expected = option + " takes a URL prefix such as https://img.example.org"
                + (pathAllowed ? " or a path such as /camo" : "") + ", not '" + value + "'";
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(expected);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(expected);
        }
        return value;
    }

    /** {@code value} if it is absent, empty or a path starting with {@code /}; else a usage error naming {@code option}. */
    static void checkPathPrefix(String option, String value) {
        if (value != null && !value.isEmpty() && !value.startsWith("/")) {
            throw new IllegalArgumentException(option + " takes the path the proxy is mounted under, such as /camo, not '"
                    + value + "'");
        }
    }

    /** One output line for a verification: {@code describe(request)} if accepted, the reason if not. */
    static <R> Inputs.Result result(Verification<R> verification, java.util.function.Function<R, String> describe) {
        if (verification instanceof Verification.Accepted<R> accepted) {
            return Inputs.Result.ok(describe.apply(accepted.request()));
        }
        Verification.Rejected<R> rejected = (Verification.Rejected<R>) verification;
        return Inputs.Result.rejected("rejected: " + rejected.reason() + " (HTTP " + rejected.httpStatus() + "): "
                + rejected.detail());
    }
}
