package io.wirebench.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes what a transport says of itself (client library and version, server, settings) beside the
 * results, as {@code transport-<name>.txt} in the folder named by {@code -Dwirebench.results} (which
 * {@code scripts/bench} passes to the forks); without that property nothing is written.
 */
public final class TransportSidecar {
    private TransportSidecar() {
    }

    public static void write(Transport transport) {
        String folder = System.getProperty("wirebench.results");
        if (folder == null || folder.isBlank()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : transport.describe().entrySet()) {
            text.append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
        }
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            Files.writeString(dir.resolve("transport-" + transport.name() + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transport sidecar in " + folder, e);
        }
    }
}
