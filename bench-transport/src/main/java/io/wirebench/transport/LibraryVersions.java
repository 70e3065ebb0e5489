package io.wirebench.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * A dependency's version as Maven recorded it ({@code META-INF/maven/<group>/<artifact>/pom.properties},
 * which the shaded benchmarks jar keeps); jar manifests, where some libraries look, do not survive shading.
 */
final class LibraryVersions {
    private LibraryVersions() {
    }

    static String of(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = LibraryVersions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
