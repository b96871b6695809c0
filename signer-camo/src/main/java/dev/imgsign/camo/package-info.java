/** Camo URLs (go-camo and atmos/camo): hex, base64 and query forms. */
package dev.imgsign.camo;
