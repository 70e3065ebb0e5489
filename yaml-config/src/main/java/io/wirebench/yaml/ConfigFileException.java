package io.wirebench.yaml;

import java.nio.file.Path;

/** A configuration file that cannot be used: the message names the file, the key (or the line and column) and the reason. */
public final class ConfigFileException extends RuntimeException {
    private final String key;
    private final String reason;

    public ConfigFileException(Path file, String key, String reason) {
        super(file + (key.isEmpty() ? "" : ": " + key) + ": " + reason);
        this.key = key;
        this.reason = reason;
    }

    /** Why, without the file and the key. */
    public String reason() {
        return reason;
    }

    /** The dotted key, with list indexes ({@code profiles.nightly.load[1].transport}); empty when the file as a whole is at fault. */
    public String key() {
        return key;
    }
}
