package dev.imgsign.expiring.link;

import dev.imgsign.core.internal.Settings;
import dev.imgsign.core.internal.Unreserved;

/** Validation of configurable query parameter names. */
final class ParamNames {
    private ParamNames() {
    }

    /** {@code name} if it is 1 to 64 unreserved URL characters, else an exception naming {@code setting}. */
    static String check(String name, String setting) {
        Settings.required(name, setting);
        Settings.check(!name.isEmpty() && name.length() <= 64, setting, "must be 1..64 characters");
        for (int i = 0; i < name.length(); i++) {
            Settings.check(Unreserved.is(name.charAt(i)), setting,
                    "may contain only letters, digits, '-', '.', '_' and '~'");
        }
        return name;
    }
}
