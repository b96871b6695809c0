package dev.imgsign.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imgsign.servlet.SignedUrlFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One key file, one key: URLs the CLI signs with {@code -k @key.txt} pass the servlet filter configured with
 * {@code key-file=key.txt}, for the key files editors and {@code printf 'test\n'} write.
 */
class SameKeyEverywhereTest {
    @TempDir
    Path dir;

    @Test
    void urlsSignedByTheCliWithAKeyFilePassTheFilterReadingTheSameFile() throws Exception {
        for (String content : new String[] {"test\n", "test", "test\r\n", "a longer key with spaces \n"}) {
            Path keyFile = dir.resolve("key.txt");
            Files.write(keyFile, content.getBytes(StandardCharsets.UTF_8));
            SignedUrlFilter filter = filter(Map.of("scheme", "camo", "key-file", keyFile.toString()));

            CliRunner.Outcome signed = CliRunner.run("camo", "encode", "-k", "@" + keyFile, "http://x.example/cat.png");
            assertEquals(0, signed.status(), signed.err());
            assertEquals(200, status(filter, signed.out().strip()), "content " + content.replace("\n", "\\n"));

            CliRunner.Outcome kept = CliRunner.run("camo", "encode", "-k", "@" + keyFile, "--keep-key-newline",
                    "http://x.example/cat.png");
            if (content.endsWith("\n")) {
                assertEquals(403, status(filter, kept.out().strip()), "imageproxy-sign's reading is a different key");
            }
        }
    }

    @Test
    void hexAndBase64KeyFilesAgreeToo() throws Exception {
        Path keyFile = dir.resolve("key.hex");
        Files.writeString(keyFile, "  00112233445566778899aabbccddeeff\n", StandardCharsets.UTF_8);
        SignedUrlFilter filter = filter(Map.of("scheme", "camo", "key-file", keyFile.toString(), "key-encoding", "hex"));
        CliRunner.Outcome signed = CliRunner.run("camo", "encode", "-k", "@" + keyFile, "--key-encoding", "hex",
                "http://x.example/cat.png");
        assertEquals(200, status(filter, signed.out().strip()), signed.err());
    }

    private static SignedUrlFilter filter(Map<String, String> parameters) throws Exception {
        FilterConfig config = proxy(FilterConfig.class, (method, args) -> switch (method) {
            case "getInitParameter" -> parameters.get((String) args[0]);
            case "getInitParameterNames" -> Collections.enumeration(parameters.keySet());
            case "getFilterName" -> "signed";
            default -> null;
        });
        SignedUrlFilter filter = new SignedUrlFilter();
        filter.init(config);
        return filter;
    }

    /** The status the filter answers for a request to {@code target}, 200 when it passes it down the chain. */
    private static int status(SignedUrlFilter filter, String target) throws Exception {
        URI uri = URI.create(target);
        HttpServletRequest request = proxy(HttpServletRequest.class, (method, args) -> switch (method) {
            case "getMethod" -> "GET";
            case "getRequestURI" -> uri.getRawPath();
            case "getContextPath", "getServletPath" -> "";
            case "getPathInfo" -> uri.getPath();
            case "getQueryString" -> uri.getRawQuery();
            default -> null;
        });
        AtomicInteger status = new AtomicInteger(200);
        ServletOutputStream body = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
            }
        };
        HttpServletResponse response = proxy(HttpServletResponse.class, (method, args) -> {
            if (method.equals("setStatus") || method.equals("sendError")) {
                status.set((Integer) args[0]);
            }
            return method.equals("getOutputStream") ? body : null;
        });
        FilterChain chain = (req, res) -> status.set(200);
        filter.doFilter(request, response, chain);
        return status.get();
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    Object value = answer.answer(method.getName(), args);
                    if (value == null && method.getReturnType() == boolean.class) {
                        return false;
                    }
                    if (value == null && method.getReturnType().isPrimitive() && method.getReturnType() != void.class) {
                        return 0;
                    }
                    return value;
                }));
    }
}
