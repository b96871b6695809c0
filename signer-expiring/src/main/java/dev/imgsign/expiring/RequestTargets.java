package dev.imgsign.expiring;

/** Checks on a request target that every verifier of this module makes first. */
final class RequestTargets {
    private RequestTargets() {
    }

    /**
     * Whether {@code target} holds a raw control character (0x00-0x1F, 0x7F) or space. No HTTP server
     * delivers such a request line (atmos/camo's peer answers 400), so it can only come from a caller
     * that skipped parsing; it is refused as malformed rather than verified.
     */
    static boolean hasRawControlOrSpace(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
