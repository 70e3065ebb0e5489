package io.wirebench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A run folder's {@code environment.txt}: what ran, where and on what, one {@code key: value} line each, in
 * the order written. {@code scripts/bench} has it written ({@link EnvironmentCommand}) when a run starts
 * ({@link #probe}) and adds {@code seed}, {@code hook} and {@code failed} as the run goes; the report shows
 * it, and the regression gate compares the lines two runs must share ({@code cpu}, {@code memory},
 * {@code java} and the servers' versions) and reads {@code failed}.
 *
 * <p>The probe asks the machine what the shell tools say ({@code nproc}, {@code free -h}, {@code uname},
 * {@code java -version}, the servers' {@code --version}, {@code dpkg-query}), so a value reads the same
 * as it did when a shell wrote this file: a committed baseline stays comparable.
 */
public final class RunEnvironment {
    private static final long COMMAND_SECONDS = 30;
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
                lines.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return new RunEnvironment(lines);
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

    /**
     * What this machine is, now: the run's {@code command} and {@code profile} (from {@code config}), the git
     * commit of {@code repository} (" (dirty)" with uncommitted changes), the CPU and its count, the memory,
     * the OS, the JVM {@code javaBin} runs and where it lives, and the servers' versions.
     */
    public static RunEnvironment probe(String command, String profile, String config, String javaBin, Path repository) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        lines.put("command", command);
        lines.put("profile", profile + " (" + config + ")");
        String head = run(repository, false, "git", "rev-parse", "HEAD");
        lines.put("git", (head == null ? "none" : head) + (run(repository, false, "git", "diff", "--quiet") == null ? " (dirty)" : ""));
        lines.put("cpu", cpuModel() + " x " + orEmpty(run(repository, false, "nproc")));
        lines.put("memory", memory(orEmpty(run(repository, false, "free", "-h"))));
        lines.put("os", orEmpty(run(repository, false, "uname", "-srm")) + "; " + prettyName());
        String version = run(repository, true, javaBin, "-version");
        lines.put("java", version == null ? "" : version.replace('\n', ' ').strip());
        lines.put("java.bin", realPath(javaBin));
        lines.put("nats-server", orEmpty(run(repository, false, server("nats-server"), "--version")));
        lines.put("redis-server", orEmpty(run(repository, false, server("redis-server"), "--version")));
        String rabbit = run(repository, false, "dpkg-query", "-W", "-f=${Version}", "rabbitmq-server");
        lines.put("rabbitmq-server", rabbit == null ? "unknown" : rabbit);
        return new RunEnvironment(lines);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** /proc/cpuinfo's first model name. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.contains("model name")) {
                    String value = line.substring(line.indexOf(':') + 1);
                    return value.startsWith(" ") ? value.substring(1) : value;
                }
            }
        } catch (IOException e) {
            // no /proc: not Linux
        }
        return "";
    }

    /** The total of {@code free -h}'s {@code Mem:} line, e.g. 23Gi. */
    static String memory(String free) {
        for (String line : free.split("\n")) {
            if (line.contains("Mem:")) {
                String[] fields = line.strip().split("\\s+");
                return fields.length > 1 ? fields[1] : "";
            }
        }
        return "";
    }

    /** /etc/os-release's PRETTY_NAME, unquoted. */
    static String prettyName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("PRETTY_NAME=")) {
                    String value = line.substring("PRETTY_NAME=".length()).strip();
                    return value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'")) ? value.substring(1, value.length() - 1) : value;
                }
            }
        } catch (IOException e) {
            // none
        }
        return "";
    }

    /** A server's executable: on the PATH, or in /usr/sbin where Debian puts some of them. */
    static String server(String name) {
        Path found = onPath(name);
        if (found == null && Files.isExecutable(Path.of("/usr/sbin", name))) {
            found = Path.of("/usr/sbin", name);
        }
        return found == null ? name : found.toString();
    }

    static Path onPath(String name) {
        if (name.contains("/")) {
            return Files.isExecutable(Path.of(name)) ? Path.of(name) : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    /** Where {@code java} really is (links followed); empty when it is not found. */
    static String realPath(String javaBin) {
        Path p = onPath(javaBin);
        try {
            return p == null ? "" : p.toRealPath().toString();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A command's output (standard output; with {@code withErrors} standard error too), trailing line breaks
     * dropped as a shell's {@code $(...)} does; null when it cannot start, fails, or takes over 30 s.
     */
    static String run(Path dir, boolean withErrors, String... command) {
        Path out = null;
        try {
            out = Files.createTempFile("wirebench-environment", ".out");
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (withErrors) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            Process process = builder.start();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return null;
            }
            if (process.exitValue() != 0) {
                return null;
            }
            String s = Files.readString(out, StandardCharsets.UTF_8);
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == '\n') {
                end--;
            }
            return s.substring(0, end);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
