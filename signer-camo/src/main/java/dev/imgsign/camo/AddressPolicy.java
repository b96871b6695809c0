package dev.imgsign.camo;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/**
 * The optional host policy: refuses {@code localhost} names and IP literals in the networks go-camo's
 * README lists (loopback, link-local, RFC 1918, IPv6 ULA and site-local, IPv4-mapped IPv6). Literal
 * checks only, never DNS: a name that resolves to a private address passes, as the README warns.
 */
final class AddressPolicy {
    private AddressPolicy() {
    }

    /** Why {@code hostname} is refused, or {@code null} if it is allowed. */
    static String refusal(String hostname) {
        String h = hostname.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        int zone = h.indexOf('%');
        if (zone >= 0 && h.indexOf(':') >= 0) {
            h = h.substring(0, zone); // an IPv6 zone does not change the address
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return "target host is a localhost name";
        }
        if (InetAddresses.isInetAddress(h)) {
            InetAddress address = InetAddresses.forString(h);
            if (address instanceof Inet4Address) {
                if (h.indexOf(':') >= 0) {
                    return "target host is an IPv4-mapped IPv6 address";
                }
                byte[] b = address.getAddress();
                if (b[0] == 0 || address.isLoopbackAddress() || address.isLinkLocalAddress()
                        || address.isSiteLocalAddress()) {
                    return "target host is a loopback, link-local, private or unspecified IPv4 address";
                }
            } else if (address instanceof Inet6Address) {
                byte[] b = address.getAddress();
                if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                        || address.isSiteLocalAddress() || (b[0] & 0xfe) == 0xfc) {
                    return "target host is a loopback, link-local, site-local or unique-local IPv6 address";
                }
            }
            return null;
        }
        if (looksNumeric(h)) {
            return "target host is a numeric shorthand that resolvers may read as an IPv4 address";
        }
        return null;
    }

    /** Hosts such as {@code 127.1}, {@code 2130706433} or {@code 0x7f.1} that are no dotted quad. */
    private static boolean looksNumeric(String h) {
        if (h.isEmpty()) {
            return false;
        }
        int lastDot = h.lastIndexOf('.');
        String last = h.substring(lastDot + 1);
        if (last.isEmpty() || last.charAt(0) < '0' || last.charAt(0) > '9') {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == 'x' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
