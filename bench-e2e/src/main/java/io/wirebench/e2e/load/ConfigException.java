package io.wirebench.e2e.load;

import java.nio.file.Path;

/** A configuration file that cannot be used: the message names the file, the key and the reason. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(Path file, String key, String reason) {
        super(file + (key.isEmpty() ? "" : ": key '" + key + "'") + ": " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
