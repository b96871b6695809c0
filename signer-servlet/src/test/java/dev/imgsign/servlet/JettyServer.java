package dev.imgsign.servlet;

import dev.imgsign.core.Verification;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** An embedded Jetty 12 (ee10) on 127.0.0.1 with a filter in front of a servlet that echoes the verification. */
final class JettyServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    JettyServer(FilterHolder filter) throws Exception {
        this(filter, "/*");
    }

    /** The filter mapped to {@code filterPattern} in front of the echo servlet at {@code /*}. */
    JettyServer(FilterHolder filter, String filterPattern) throws Exception {
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        // Signed URLs may carry encoded slashes (%2F) in a path segment; Jetty's default refuses them.
        http.setUriCompliance(UriCompliance.UNSAFE);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/app");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        context.addFilter(filter, filterPattern, EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new EchoServlet()), "/*");
        server.setHandler(context);
        server.start();
    }

    static JettyServer with(Filter filter) throws Exception {
        return new JettyServer(new FilterHolder(filter));
    }

    /** A filter the container creates and configures from init parameters, as web.xml would. */
    static JettyServer withInitParameters(java.util.Map<String, String> parameters) throws Exception {
        FilterHolder holder = new FilterHolder(SignedUrlFilter.class);
        parameters.forEach(holder::setInitParameter);
        return new JettyServer(holder);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app" + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Writes what the filter put in the request attribute, so a test can see what reached the servlet. */
    static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Object attribute = req.getAttribute(SignedUrlFilter.VERIFICATION_ATTRIBUTE);
            String body = attribute instanceof Verification.Accepted<?> a
                    ? "accepted " + a.request() + " key " + a.keyIndex() : "no verification";
            resp.setContentType("text/plain;charset=utf-8");
            // What the application sees, for tests that compare it with what was verified.
            resp.setHeader("X-Servlet-Path", req.getServletPath());
            resp.setHeader("X-Path-Info", String.valueOf(req.getPathInfo()));
            resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
