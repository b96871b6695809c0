package dev.imgsign.peer.go;

import java.util.Arrays;

/**
 * Go 1.19's {@code net.ParseIP}, {@code net.ParseCIDR} and {@code IPNet.Contains}, which imageproxy's
 * host matching uses for CIDR entries. Addresses are 16-byte arrays (IPv4 in IPv4-mapped form) as in
 * Go; nothing throws, a parse error is {@code null}. Not public API: it may change without notice.
 */
public final class GoNet {
    private static final int BIG = 0xFFFFFF;

    private GoNet() {
    }

    /**
     * A parsed CIDR.
     *
     * @param network the masked network number (4 or 16 bytes, as Go's IP.Mask returns)
     * @param mask the mask
     */
    public record Cidr(byte[] network, byte[] mask) {
    }

    /** {@code net.ParseIP}: 16 bytes, or null. */
    public static byte[] parseIp(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                return parseIpv4(s);
            }
            if (c == ':') {
                return parseIpv6(s);
            }
        }
        return null;
    }

    /** {@code net.ParseCIDR}, or null. */
    public static Cidr parseCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String addr = s.substring(0, slash);
        String maskText = s.substring(slash + 1);
        int ipLen = 4;
        byte[] ip = parseIpv4(addr);
        if (ip == null) {
            ipLen = 16;
            ip = parseIpv6(addr);
        }
        long[] d = dtoi(maskText, 0);
        if (ip == null || d == null || d[1] != maskText.length() || d[0] > 8L * ipLen) {
            return null;
        }
        byte[] mask = cidrMask((int) d[0], 8 * ipLen);
        byte[] network = mask(ip, mask);
        return network == null ? null : new Cidr(network, mask);
    }

    /** {@code IPNet.Contains}. */
    public static boolean contains(Cidr net, byte[] ip) {
        byte[] nn = to4(net.network());
        if (nn == null) {
            nn = net.network();
            if (nn.length != 16) {
                return false;
            }
        }
        byte[] m = net.mask();
        if (m.length == 4) {
            if (nn.length != 4) {
                return false;
            }
        } else if (m.length == 16) {
            if (nn.length == 4) {
                m = Arrays.copyOfRange(m, 12, 16);
            }
        } else {
            return false;
        }
        byte[] x = to4(ip);
        if (x != null) {
            ip = x;
        }
        if (ip.length != nn.length) {
            return false;
        }
        for (int i = 0; i < ip.length; i++) {
            if ((nn[i] & m[i]) != (ip[i] & m[i])) {
                return false;
            }
        }
        return true;
    }

    private static byte[] to4(byte[] ip) {
        if (ip.length == 4) {
            return ip;
        }
        if (ip.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (ip[i] != 0) {
                    return null;
                }
            }
            if (ip[10] == (byte) 0xff && ip[11] == (byte) 0xff) {
                return Arrays.copyOfRange(ip, 12, 16);
            }
        }
        return null;
    }

    private static byte[] mask(byte[] ip, byte[] mask) {
        if (mask.length == 16 && ip.length == 4) {
            boolean allFf = true;
            for (int i = 0; i < 12; i++) {
                allFf &= mask[i] == (byte) 0xff;
            }
            if (allFf) {
                mask = Arrays.copyOfRange(mask, 12, 16);
            }
        }
        if (mask.length == 4 && ip.length == 16) {
            boolean v4InV6 = ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
            for (int i = 0; i < 10; i++) {
                v4InV6 &= ip[i] == 0;
            }
            if (v4InV6) {
                ip = Arrays.copyOfRange(ip, 12, 16);
            }
        }
        if (ip.length != mask.length) {
            return null;
        }
        byte[] out = new byte[ip.length];
        for (int i = 0; i < ip.length; i++) {
            out[i] = (byte) (ip[i] & mask[i]);
        }
        return out;
    }

    private static byte[] cidrMask(int ones, int bits) {
        byte[] m = new byte[bits / 8];
        int n = ones;
        for (int i = 0; i < m.length; i++) {
            if (n >= 8) {
                m[i] = (byte) 0xff;
                n -= 8;
                continue;
            }
            m[i] = (byte) ~(0xff >> n);
            n = 0;
        }
        return m;
    }

    /** Go's dtoi from {@code from}: {value, end index}, or null when no digits or too big. */
    private static long[] dtoi(String s, int from) {
        long n = 0;
        int i = from;
        for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            n = n * 10 + (s.charAt(i) - '0');
            if (n >= BIG) {
                return null;
            }
        }
        if (i == from) {
            return null;
        }
        return new long[] {n, i};
    }

    private static byte[] parseIpv4(String s) {
        byte[] ip = new byte[16];
        ip[10] = (byte) 0xff;
        ip[11] = (byte) 0xff;
        int pos = 0;
        for (int i = 0; i < 4; i++) {
            if (pos >= s.length()) {
                return null;
            }
            if (i > 0) {
                if (s.charAt(pos) != '.') {
                    return null;
                }
                pos++;
            }
            long[] d = dtoi(s, pos);
            if (d == null || d[0] > 0xFF) {
                return null;
            }
            int consumed = (int) d[1] - pos;
            if (consumed > 1 && s.charAt(pos) == '0') {
                return null; // leading zeros are rejected since Go 1.17
            }
            pos = (int) d[1];
            ip[12 + i] = (byte) d[0];
        }
        return pos == s.length() ? ip : null;
    }

    private static byte[] parseIpv6(String s) {
        byte[] ip = new byte[16];
        int ellipsis = -1;
        int pos = 0;
        int len = s.length();
        if (len >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            pos = 2;
            if (pos == len) {
                return ip;
            }
        }
        int i = 0;
        while (i < 16) {
            int start = pos;
            int n = 0;
            int j = pos;
            for (; j < len; j++) {
                int h = GoUrl.unhex(s.charAt(j)); // net's xtoi accepts the same digits
                if (h < 0) {
                    break;
                }
                n = n * 16 + h;
                if (n >= BIG) {
                    return null;
                }
            }
            if (j == start || n > 0xFFFF) {
                return null;
            }
            if (j < len && s.charAt(j) == '.') {
                if (ellipsis < 0 && i != 12) {
                    return null;
                }
                if (i + 4 > 16) {
                    return null;
                }
                byte[] ip4 = parseIpv4(s.substring(start));
                if (ip4 == null) {
                    return null;
                }
                System.arraycopy(ip4, 12, ip, i, 4);
                pos = len;
                i += 4;
                break;
            }
            ip[i] = (byte) (n >> 8);
            ip[i + 1] = (byte) n;
            i += 2;
            pos = j;
            if (pos == len) {
                break;
            }
            if (s.charAt(pos) != ':' || pos + 1 == len) {
                return null;
            }
            pos++;
            if (s.charAt(pos) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = i;
                pos++;
                if (pos == len) {
                    break;
                }
            }
        }
        if (pos != len) {
            return null;
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int n = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + n] = ip[j];
            }
            for (int j = ellipsis + n - 1; j >= ellipsis; j--) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return null;
        }
        return ip;
    }
}
