package dev.imgsign.expiring.internal;

import dev.imgsign.core.KeySet;
import dev.imgsign.core.ProxyRequest;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.internal.SignedUrls;
import java.time.Duration;

/**
 * The setting rules the builders of the three link schemes share, each refusal an
 * {@link IllegalArgumentException} naming the setting (through {@link Settings}), and the reading of a
 * request through a configured host. Not public API.
 */
public final class LinkSettings {
    private LinkSettings() {
    }

    /**
     * The key set a builder was given.
     *
     * @param keys the keys
     * @return {@code keys}
     * @throws IllegalArgumentException naming {@code keys} if it is null
     */
    public static KeySet keys(KeySet keys) {
        return Settings.required(keys, "keys");
    }

    /**
     * A host prefix without its trailing {@code /}, so that {@code host + path} has one slash.
     *
     * @param host the scheme and host, or empty
     * @return the prefix signers prepend and verifiers remove
     * @throws IllegalArgumentException naming {@code host} if it is null
     */
    public static String host(String host) {
        Settings.required(host, "host");
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    /**
     * The status answered for an expired link: any 4xx.
     *
     * @param status the status
     * @return {@code status}
     * @throws IllegalArgumentException naming {@code expiredStatus} if it is not 4xx
     */
    public static int expiredStatus(int status) {
        Settings.check(status >= 400 && status <= 499, "expiredStatus", "must be a 4xx status, got " + status);
        return status;
    }

    /**
     * A verifier's limit on the request target's length.
     *
     * @param maxLength the limit
     * @param min the smallest limit the scheme accepts
     * @return {@code maxLength}
     * @throws IllegalArgumentException naming {@code maxLength} if it is below {@code min}
     */
    public static int maxLength(int maxLength, int min) {
        Settings.check(maxLength >= min, "maxLength", "must be at least " + min + ", got " + maxLength);
        return maxLength;
    }

    /**
     * A maximum validity in whole seconds.
     *
     * @param maxValidity the longest validity
     * @return its whole seconds
     * @throws IllegalArgumentException naming {@code maxValidity} if it is null or shorter than one second
     */
    public static long maxValiditySeconds(Duration maxValidity) {
        Settings.required(maxValidity, "maxValidity");
        Settings.check(maxValidity.getSeconds() >= 1, "maxValidity",
                "must be at least one second, got " + maxValidity);
        return maxValidity.getSeconds();
    }

    /**
     * The request target of {@code request} with the signer's {@code host} removed, as
     * {@link SignedUrls#requestTarget(String, String)} reads it.
     *
     * @param request the request
     * @param host the configured host, or empty
     * @return the request target to verify
     */
    public static String target(ProxyRequest request, String host) {
        return SignedUrls.requestTarget(request.target(), host);
    }

    /**
     * Where the query starts in {@code target}, the result of {@link #target(ProxyRequest, String)}:
     * the request's own {@link ProxyRequest#queryStart()} shifted past the removed host.
     *
     * @param request the request
     * @param target its request target
     * @return the index of the first {@code ?} in {@code target}, or -1
     */
    public static int queryStart(ProxyRequest request, String target) {
        int removed = request.target().length() - target.length();
        int q = request.queryStart();
        if (q < 0) {
            return -1;
        }
        return q >= removed ? q - removed : target.indexOf('?');
    }
}
