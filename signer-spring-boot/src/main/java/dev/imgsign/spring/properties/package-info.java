/**
 * The {@code imgsign.*} configuration properties of the Spring Boot starter, one class per scheme.
 */
package dev.imgsign.spring.properties;
