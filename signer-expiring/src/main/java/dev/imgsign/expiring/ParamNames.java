package dev.imgsign.expiring;

import dev.imgsign.core.internal.Unreserved;
import java.util.Objects;

/** Validation of configurable query parameter names. */
final class ParamNames {
    private ParamNames() {
    }

    /** {@code name} if it is non-empty and made of unreserved URL characters. */
    static String check(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException(what + " name must be 1..64 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Unreserved.is(name.charAt(i))) {
                throw new IllegalArgumentException(
                        what + " name may contain only letters, digits, '-', '.', '_' and '~'");
            }
        }
        return name;
    }

    static void checkDistinct(String expiresParam, String signatureParam) {
        if (expiresParam.equals(signatureParam)) {
            throw new IllegalArgumentException("expires and signature parameters need different names");
        }
    }
}
