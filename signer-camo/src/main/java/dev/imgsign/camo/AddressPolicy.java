package dev.imgsign.camo;

import dev.imgsign.core.internal.HostNames;

/**
 * The optional host policy ({@link CamoVerifier.Builder#rejectPrivateAddresses(boolean)}): the target's
 * host is first read as a browser or fetcher reads it ({@link HostNames#canonical}: percent-decoding,
 * IDNA mapping of fullwidth and circled characters and ideographic full stops, every IPv4 number form),
 * then refused when it is a {@code localhost} name or an IP literal in a special-purpose range of the
 * IANA registries ({@link HostNames#specialPurpose}), or when it has no canonical form at all. Literal
 * checks only, never DNS: a name that resolves to a private address, and a redirect to one, pass.
 */
final class AddressPolicy {
    private AddressPolicy() {
    }

    /**
     * Why {@code hostname} is refused, or {@code null} if it is allowed.
     *
     * @param hostname the host as the dialect's URL parser returns it: no port, IPv6 without brackets
     */
    static String refusal(String hostname) {
        // Both dialects hand over IPv6 literals without their brackets (Go's Hostname(), url.parse).
        String host = hostname.indexOf(':') >= 0 && !hostname.startsWith("[") ? "[" + hostname + "]" : hostname;
        if (HostNames.canonical(host) == null) {
            return "target host is not a host a browser would accept (or one whose IDNA mapping the policy"
                    + " cannot be sure of)";
        }
        String reason = HostNames.specialPurpose(host);
        return reason == null ? null : "target host is a special-purpose host: " + reason;
    }
}
