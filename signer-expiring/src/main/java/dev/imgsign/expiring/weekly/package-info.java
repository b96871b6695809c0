/**
 * imageproxy-py / Gazelle weekly-key bucket links: {@link dev.imgsign.expiring.weekly.WeeklyLinkSigner},
 * {@link dev.imgsign.expiring.weekly.WeeklyLinkVerifier}, and the {@code weekly} scheme provider.
 */
package dev.imgsign.expiring.weekly;
