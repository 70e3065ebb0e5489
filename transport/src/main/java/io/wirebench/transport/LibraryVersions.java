package io.wirebench.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The client libraries' versions, written into {@code library-versions.properties} by Maven from the
 * parent pom at build time: jar manifests do not survive shading, and some of these libraries (jnats,
 * built with Gradle) ship no Maven metadata to read at run time.
 */
public final class LibraryVersions {
    private static final Properties VERSIONS = load();

    private LibraryVersions() {
    }

    public static String of(String group, String artifact) {
        return VERSIONS.getProperty(group + ":" + artifact, "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = LibraryVersions.class.getResourceAsStream("library-versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // versions then read "unknown"; nothing else depends on them
        }
        return properties;
    }
}
