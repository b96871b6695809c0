package dev.imgsign.spring;

import dev.imgsign.core.Verification;

/** Told of every verification a registered filter makes (for metrics). Must not throw. */
@FunctionalInterface
interface VerificationObserver {
    void observe(String scheme, Verification<?> verification);
}
