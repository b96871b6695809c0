/**
 * Internal: byte-exact models of the Node library behaviour atmos/camo relies on ({@code Buffer}
 * decoding, {@code decodeURIComponent}, {@code querystring.parse}, legacy {@code url.parse}). Not public
 * API; exported only to {@code dev.imgsign.camo}.
 */
package dev.imgsign.peer.node;
