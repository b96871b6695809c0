package dev.imgsign.imageproxy;

import dev.imgsign.core.internal.Ascii;
import dev.imgsign.core.internal.HostNames;
import dev.imgsign.core.internal.Settings;
import dev.imgsign.peer.go.GoNet;
import dev.imgsign.peer.go.GoUrl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A configured list of hosts ({@code allowHosts}, {@code denyHosts}, {@code referrers}), matched the way a
 * browser or fetcher resolves hosts rather than by the server's raw string comparison (which
 * {@code EVIL.example}, {@code evil.example.} and {@code 010.0.0.1} bypass).
 *
 * <p>Entries and request hosts both go through {@link HostNames#canonical} (WHATWG host parsing: ASCII
 * lower case, IDNA to punycode, every IPv4 number form as dotted decimal, IPv6 compressed), then lose their
 * trailing dots; an IPv4 address not written in plain dotted decimal is ambiguous between fetchers and
 * matches nothing (see {@link #canonicalHost}). An entry is a host name (exact match), an IP address (matched as a single-address network,
 * so an IPv4 entry also covers its IPv4-mapped IPv6 form), {@code *.suffix}, or a CIDR network (Go's
 * {@code ParseCIDR} syntax). A request host that has no canonical form matches nothing; the caller decides
 * what that means (a deny list refuses it). Immutable.
 */
final class HostList {
    /** How {@code *.suffix} entries match. */
    enum Wildcard {
        /** Only the suffix itself or a name ending in {@code .suffix}: allow lists and referrers. */
        LABEL_BOUNDARY,
        /** Any name ending in {@code suffix}, as the server does ({@code badexample.com} too): deny lists. */
        ANY_SUFFIX
    }

    private final List<Entry> entries;
    private final Wildcard wildcard;

    private HostList(List<Entry> entries, Wildcard wildcard) {
        this.entries = List.copyOf(entries);
        this.wildcard = wildcard;
    }

    /**
     * The list of {@code hosts}.
     *
     * @throws IllegalArgumentException naming {@code listName} if an entry is empty, not a valid host, a
     *     wildcard whose suffix is not a domain name, or an invalid CIDR
     */
    static HostList of(String listName, Collection<String> hosts, Wildcard wildcard) {
        List<Entry> entries = new ArrayList<>();
        for (String h : hosts) {
            entries.add(Entry.parse(listName, Objects.requireNonNull(h, listName + " entry")));
        }
        return new HostList(entries, wildcard);
    }

    static HostList empty(Wildcard wildcard) {
        return new HostList(List.of(), wildcard);
    }

    HostList plus(HostList more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        return new HostList(all, wildcard);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    /**
     * The host of a parsed URL as a browser would fetch it, trailing dots removed; null when a browser
     * would refuse it, when the URL has no host, or when it is an IPv4 address not written in dotted decimal
     * ({@code 010.0.0.1}, {@code 0x7f.1}, {@code 10.1}, {@code 2130706433}): fetchers disagree on those
     * (browsers and glibc read {@code 010} as octal, Go before 1.17 as decimal), so they match no entry and
     * a deny list refuses them.
     */
    static String canonicalHost(GoUrl url) {
        String host = url.host();
        String h;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return null;
            }
            h = host.substring(0, close + 1);
        } else {
            h = url.hostname();
        }
        return canonicalUnambiguous(GoUrl.text(h));
    }

    private static String canonicalUnambiguous(String host) {
        String c = HostNames.canonical(host);
        if (c == null) {
            return null;
        }
        c = withoutTrailingDots(c);
        if (!c.startsWith("[") && GoNet.parseIp(c) != null
                && !c.equals(withoutTrailingDots(Ascii.toLowerCase(host)))) {
            return null;
        }
        return c;
    }

    /** Whether {@code canonicalHost} (from {@link #canonicalHost}, non-null) matches an entry. */
    boolean matches(String canonicalHost) {
        byte[] ip = null;
        boolean ipParsed = false;
        for (Entry e : entries) {
            if (e.name != null && e.name.equals(canonicalHost)) {
                return true;
            }
            if (e.suffix != null && matchesSuffix(canonicalHost, e.suffix)) {
                return true;
            }
            if (e.cidr != null) {
                if (!ipParsed) {
                    ip = ipOf(canonicalHost);
                    ipParsed = true;
                }
                if (ip != null && GoNet.contains(e.cidr, ip)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matchesSuffix(String host, String suffix) {
        if (!host.endsWith(suffix)) {
            return false;
        }
        if (wildcard == Wildcard.ANY_SUFFIX || host.length() == suffix.length()) {
            return true;
        }
        return host.charAt(host.length() - suffix.length() - 1) == '.';
    }

    /** The address of a canonical IP literal (dotted decimal, or bracketed IPv6), else null. */
    private static byte[] ipOf(String canonical) {
        if (canonical.startsWith("[")) {
            return GoNet.parseIp(canonical.substring(1, canonical.length() - 1));
        }
        return GoNet.parseIp(canonical);
    }

    private static String withoutTrailingDots(String host) {
        int end = host.length();
        while (end > 0 && host.charAt(end - 1) == '.') {
            end--;
        }
        return host.substring(0, end);
    }

    /** One entry: exactly one of name, suffix and cidr is set. */
    private static final class Entry {
        final String name;
        final String suffix;
        final GoNet.Cidr cidr;

        private Entry(String name, String suffix, GoNet.Cidr cidr) {
            this.name = name;
            this.suffix = suffix;
            this.cidr = cidr;
        }

        static Entry parse(String listName, String configured) {
            if (configured.indexOf('/') >= 0) {
                GoNet.Cidr cidr = GoNet.parseCidr(GoUrl.bytes(configured));
                if (cidr == null) {
                    throw invalid(listName, configured, "not a valid CIDR network (e.g. 10.0.0.0/8)");
                }
                return new Entry(null, null, cidr);
            }
            if (configured.startsWith("*.")) {
                String suffix = canonicalEntry(configured.substring(2));
                if (suffix == null || suffix.isEmpty() || ipOf(suffix) != null) {
                    throw invalid(listName, configured, "the text after *. is not a domain name");
                }
                return new Entry(null, suffix, null);
            }
            // Unbracketed IPv6 entries (the server's style, e.g. ::1) are read as IPv6 literals.
            boolean ipv6 = configured.indexOf(':') >= 0 && !configured.startsWith("[");
            String host = canonicalEntry(ipv6 ? "[" + configured + "]" : configured);
            if (host == null || host.isEmpty()) {
                throw invalid(listName, configured,
                        "not a valid host name or IP address (IPv4 in dotted decimal, without leading zeros)");
            }
            byte[] ip = ipOf(host);
            if (ip != null) {
                String address = host.startsWith("[") ? host.substring(1, host.length() - 1) + "/128" : host + "/32";
                return new Entry(null, null, GoNet.parseCidr(address));
            }
            return new Entry(host, null, null);
        }

        private static String canonicalEntry(String host) {
            return canonicalUnambiguous(host);
        }

        private static IllegalArgumentException invalid(String listName, String entry, String why) {
            String shown = entry.length() <= 100 ? entry : entry.substring(0, 100) + "…";
            return Settings.invalid(listName, "entry '" + shown + "' is " + why);
        }
    }
}
