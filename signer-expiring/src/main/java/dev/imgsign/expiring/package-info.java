/** Expiring links: imageproxy-py/Gazelle weekly bucket links and generic expiring links. */
package dev.imgsign.expiring;
