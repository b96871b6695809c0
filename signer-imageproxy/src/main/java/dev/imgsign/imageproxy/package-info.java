/** willnorris/imageproxy: options grammar, canonical form, signatures. */
package dev.imgsign.imageproxy;
