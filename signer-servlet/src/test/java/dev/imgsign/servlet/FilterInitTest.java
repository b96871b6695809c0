package dev.imgsign.servlet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration by init parameters: what is refused, and that messages never carry a key. */
class FilterInitTest {

    static FilterConfig config(Map<String, String> parameters) {
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "signed";
            }

            @Override
            public ServletContext getServletContext() {
                return null;
            }

            @Override
            public String getInitParameter(String name) {
                return parameters.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(parameters.keySet());
            }
        };
    }

    @Test
    void anInlineKeyIsRefused() {
        ServletException e = assertThrows(ServletException.class,
                () -> new SignedUrlFilter().init(config(Map.of("scheme", "camo", "key", "hunter2"))));
        assertTrue(e.getMessage().contains("key-env or key-file"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void theSchemeIsRequired() {
        assertThrows(ServletException.class, () -> new SignedUrlFilter().init(config(Map.of("key-env", "X"))));
    }

    @Test
    void exactlyOneKeySourceIsRequired() {
        assertThrows(ServletException.class, () -> new SignedUrlFilter().init(config(Map.of("scheme", "camo"))));
        assertThrows(ServletException.class, () -> new SignedUrlFilter().init(
                config(Map.of("scheme", "camo", "key-env", "A", "key-file", "/b"))));
    }

    @Test
    void aMissingEnvironmentVariableIsNamed() {
        SignedUrlFilter filter = new SignedUrlFilter(null, name -> null);
        ServletException e = assertThrows(ServletException.class,
                () -> filter.init(config(Map.of("scheme", "camo", "key-env", "IMGSIGN_KEY"))));
        assertTrue(e.getMessage().contains("IMGSIGN_KEY"), e.getMessage());
    }

    @Test
    void anUnknownSchemeNamesWhatIsAvailable() {
        SignedUrlFilter filter = new SignedUrlFilter(null, name -> "secret-value");
        ServletException e = assertThrows(ServletException.class,
                () -> filter.init(config(Map.of("scheme", "no-such-scheme", "key-env", "K"))));
        assertTrue(e.getMessage().contains("no-such-scheme"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-value"));
    }
}
