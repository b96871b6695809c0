package dev.imgsign.expiring.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A generic expiring link: a path, signed query parameters in order, and the last second of validity.
 * What {@link ExpiringLinkSigner} signs and {@link ExpiringLinkVerifier} returns.
 *
 * @param path the path exactly as the server will receive it (already percent-encoded), starting with {@code /}
 * @param params the signed query parameters (decoded names and values), in order
 * @param expiresAt the last valid instant, in Unix seconds (valid while now &lt;= expiresAt + leeway)
 * @since 0.1.0
 */
public record ExpiringLink(String path, List<QueryParam> params, long expiresAt) {

    /**
     * One query parameter, decoded.
     *
     * @param name the parameter's name, percent-decoded
     * @param value the parameter's value, percent-decoded
     */
    public record QueryParam(String name, String value) {
        /**
         * Both parts are required.
         *
         * @param name the parameter's name, percent-decoded
         * @param value the parameter's value, percent-decoded
         * @throws NullPointerException if the name or value is null
         */
        public QueryParam {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Copies {@code params}, so the link stays immutable.
     *
     * @param path the path exactly as the server will receive it, starting with {@code /}
     * @param params the signed query parameters, in order
     * @param expiresAt the last valid instant, in Unix seconds
     * @throws NullPointerException if the path or params are null
     */
    public ExpiringLink {
        Objects.requireNonNull(path, "path");
        params = List.copyOf(Objects.requireNonNull(params, "params"));
    }

    /**
     * A link to {@code path} without parameters.
     *
     * @param path the percent-encoded path, starting with {@code /}
     * @param expiresAt the last valid instant, in Unix seconds
     * @return a link with no signed parameters
     */
    public static ExpiringLink of(String path, long expiresAt) {
        return new ExpiringLink(path, List.of(), expiresAt);
    }

    /**
     * This link with one more signed parameter at the end.
     *
     * @param name the parameter's decoded name
     * @param value the parameter's decoded value
     * @return a new link; this one is unchanged
     */
    public ExpiringLink withParam(String name, String value) {
        List<QueryParam> list = new ArrayList<>(params);
        list.add(new QueryParam(name, value));
        return new ExpiringLink(path, list, expiresAt);
    }

    /**
     * The first value of parameter {@code name}, or {@code null}.
     *
     * @param name the decoded name to look for
     * @return the decoded value, or {@code null} when the link has no such parameter
     */
    public String param(String name) {
        for (QueryParam p : params) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }
}
