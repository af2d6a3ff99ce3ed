package dev.tickflow.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** The dashboard's and docs page's HTML, with the versions of the WebJars on the classpath filled in. */
final class WebAssets {
    private static final String ECHARTS = "echarts";
    private static final String SWAGGER_UI = "swagger-ui";

    private final String dashboard;
    private final String docs;
    private final String openApi;

    private WebAssets(String dashboard, String docs, String openApi) {
        this.dashboard = dashboard;
        this.docs = docs;
        this.openApi = openApi;
    }

    /** The pages, the dashboard offering the published candle {@code intervals} and showing {@code defaultInterval} first. */
    static WebAssets load(List<String> intervals, String defaultInterval) {
        String echarts = webJarVersion(ECHARTS);
        String swaggerUi = webJarVersion(SWAGGER_UI);
        return new WebAssets(
                resource("/dev/tickflow/api/web/index.html").replace("${echarts.version}", echarts)
                        .replace("${candle.intervals}", String.join(",", intervals)).replace("${candle.interval}", defaultInterval),
                resource("/dev/tickflow/api/web/docs.html").replace("${swagger-ui.version}", swaggerUi),
                resource("/dev/tickflow/api/openapi.json"));
    }

    String dashboard() {
        return dashboard;
    }

    String docs() {
        return docs;
    }

    String openApi() {
        return openApi;
    }

    static String webJarVersion(String artifact) {
        String path = "/META-INF/maven/org.webjars/" + artifact + "/pom.properties";
        try (InputStream in = WebAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The WebJar org.webjars:" + artifact + " is not on the classpath (" + path + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = WebAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
