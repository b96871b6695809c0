/**
 * Helpers the three link schemes share (path rules, expiry arithmetic, ASCII and query reading, setting
 * checks). Not exported by the module: not public API.
 */
package dev.imgsign.expiring.internal;
