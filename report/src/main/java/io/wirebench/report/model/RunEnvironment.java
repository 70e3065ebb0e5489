package io.wirebench.report.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run folder's {@code environment.txt}: what ran, where and on what, one {@code key: value} line each, in
 * the order written. The runner writes it when a run starts (its {@code EnvironmentProbe}: one
 * {@code server.<name>} line per server program the transport registry names) and adds {@code seed},
 * {@code hook} and {@code failed} as the run goes; the report shows it, and the regression gate compares
 * the lines two runs must share ({@code cpu}, {@code memory}, {@code java}, {@code placement} and every
 * {@code server.*} line) and reads {@code failed}.
 *
 * <p>A file written before the server lines were named {@code server.<name>} said {@code nats-server: ...};
 * such a key (one ending in {@code -server}, with no dot) is read as {@code server.nats-server}, so a committed
 * baseline stays comparable.
 */
public final class RunEnvironment {
    /** The prefix of a server program's version line: {@code server.nats-server: nats-server: v2.9.10}. */
    public static final String SERVER_PREFIX = "server.";
    private final Map<String, String> lines;

    private RunEnvironment(Map<String, String> lines) {
        this.lines = lines;
    }

    /** The lines of an {@code environment.txt}'s text; a line without a colon is not a line of it. */
    public static RunEnvironment parse(String text) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                lines.put(canonicalKey(line.substring(0, colon).strip()), line.substring(colon + 1).strip());
            }
        }
        return new RunEnvironment(lines);
    }

    /** {@code key} as this version writes it: an older file's {@code nats-server} is {@code server.nats-server}. */
    public static String canonicalKey(String key) {
        return key.endsWith("-server") && !key.contains(".") ? SERVER_PREFIX + key : key;
    }

    /** The {@code server.*} keys, in the order written. */
    public List<String> serverKeys() {
        return lines.keySet().stream().filter(k -> k.startsWith(SERVER_PREFIX)).toList();
    }

    /** An environment of these lines, in this order (the probe's). */
    public static RunEnvironment of(Map<String, String> lines) {
        Map<String, String> copy = new LinkedHashMap<>();
        lines.forEach((k, v) -> copy.put(canonicalKey(k), v));
        return new RunEnvironment(copy);
    }

    public static RunEnvironment read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A line's value, stripped; null when the file has no such line. */
    public String get(String key) {
        return lines.get(key);
    }

    public Map<String, String> lines() {
        return Collections.unmodifiableMap(lines);
    }

    /** This environment with {@code key} set to {@code value}: in its place if the line exists, else last. */
    public RunEnvironment with(String key, String value) {
        if (key.isBlank() || key.contains(":") || key.contains("\n") || value.contains("\n")) {
            throw new IllegalArgumentException("an environment line is 'key: value' on one line; refused key '" + key + "'");
        }
        Map<String, String> next = new LinkedHashMap<>(lines);
        next.put(key, value);
        return new RunEnvironment(next);
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        lines.forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
        return s.toString();
    }

    public void write(Path file) {
        try {
            Files.writeString(file, text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
