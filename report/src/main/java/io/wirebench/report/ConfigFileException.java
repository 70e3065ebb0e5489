package io.wirebench.report;

import java.nio.file.Path;

/** A configuration file that cannot be used: the message names the file, the key and the reason. */
public final class ConfigFileException extends RuntimeException {
    private final String key;

    public ConfigFileException(Path file, String key, String reason) {
        super(file + (key.isEmpty() ? "" : ": " + key) + ": " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
