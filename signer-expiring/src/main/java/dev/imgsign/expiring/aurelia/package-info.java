/**
 * Seed 001's aurelia links ({@code ?signature=<aurelia hash>&expires_at=}), for interoperability only:
 * {@link dev.imgsign.expiring.aurelia.AureliaLinkSigner} and
 * {@link dev.imgsign.expiring.aurelia.AureliaLinkVerifier}. Built through the {@code expiring} scheme
 * with {@code format=aurelia}.
 */
package dev.imgsign.expiring.aurelia;
