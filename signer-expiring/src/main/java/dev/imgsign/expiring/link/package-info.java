/**
 * Generic expiring links, imgsign's recommended scheme ({@code ?expires=&signature=}, HMAC-SHA256):
 * {@link dev.imgsign.expiring.link.ExpiringLinkSigner}, {@link dev.imgsign.expiring.link.ExpiringLinkVerifier},
 * and the {@code expiring} scheme provider (which also builds aurelia links with {@code format=aurelia}).
 */
package dev.imgsign.expiring.link;
