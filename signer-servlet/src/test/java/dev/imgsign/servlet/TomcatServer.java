package dev.imgsign.servlet;

import jakarta.servlet.Filter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * An embedded Tomcat on 127.0.0.1 with the filter in front of {@link JettyServer.EchoServlet}, configured
 * through Tomcat's own descriptors ({@code FilterDef}, {@code FilterMap}), as web.xml would be.
 */
final class TomcatServer implements AutoCloseable {
    private final Tomcat tomcat;
    private final Connector connector;
    private final Path baseDir;

    private TomcatServer(FilterDef filter, boolean passEncodedSlashes) throws Exception {
        baseDir = Files.createTempDirectory("imgsign-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        if (passEncodedSlashes) {
            // Signed URLs may carry %2F; Tomcat's default answers them with its own 400 before any filter runs.
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        }
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("/app", baseDir.toString());
        Tomcat.addServlet(context, "echo", new JettyServer.EchoServlet());
        context.addServletMappingDecoded("/*", "echo");
        filter.setFilterName("signed");
        context.addFilterDef(filter);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("signed");
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
        tomcat.start();
    }

    static TomcatServer with(Filter filter) throws Exception {
        FilterDef def = new FilterDef();
        def.setFilter(filter);
        def.setFilterClass(filter.getClass().getName());
        return new TomcatServer(def, true);
    }

    /** A filter Tomcat creates and configures from init parameters, as web.xml would. */
    static TomcatServer withInitParameters(Map<String, String> parameters) throws Exception {
        return withInitParameters(parameters, true);
    }

    static TomcatServer withInitParameters(Map<String, String> parameters, boolean passEncodedSlashes) throws Exception {
        FilterDef def = new FilterDef();
        def.setFilterClass(SignedUrlFilter.class.getName());
        parameters.forEach(def::addInitParameter);
        return new TomcatServer(def, passEncodedSlashes);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app" + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        try (var files = Files.walk(baseDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
