/**
 * Spring Boot auto-configuration for imgsign: signers, verifiers, the servlet filter, the {@code #imgsign}
 * Thymeleaf expression object and verification metrics from {@code imgsign.*} properties
 * ({@link dev.imgsign.spring.properties}).
 */
package dev.imgsign.spring;
