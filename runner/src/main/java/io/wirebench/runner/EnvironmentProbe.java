package io.wirebench.runner;

import io.wirebench.report.model.RunEnvironment;
import io.wirebench.report.model.ShellCommand;
import io.wirebench.transport.Transports;
import io.wirebench.transport.server.ServerProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this machine is when a run starts, as {@code environment.txt}'s lines ({@link RunEnvironment}). It asks the
 * machine what the shell tools say ({@code nproc}, {@code free -h}, {@code uname}, {@code java -version}, each server
 * program's version command), so a value reads the same as it did when a shell wrote the file: a committed baseline
 * stays comparable.
 */
public final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    /**
     * What this machine is, now: the run's {@code command} and {@code profile} (from {@code config}), the git
     * commit of {@code repository} (" (dirty)" with uncommitted changes), the CPU and its count, the memory,
     * the OS, the JVM {@code javaBin} runs and where it lives, and the version of every server program the
     * transport registry names ({@code server.<name>}; "unknown" when it is not installed).
     */
    public static RunEnvironment probe(String command, String profile, String config, String javaBin, Path repository) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        lines.put("command", command);
        lines.put("profile", profile + " (" + config + ")");
        String head = ShellCommand.output(repository, false, "git", "rev-parse", "HEAD");
        lines.put("git", (head == null ? "none" : head) + (ShellCommand.output(repository, false, "git", "diff", "--quiet") == null ? " (dirty)" : ""));
        lines.put("cpu", cpuModel() + " x " + orEmpty(ShellCommand.output(repository, false, "nproc")));
        lines.put("memory", memory(orEmpty(ShellCommand.output(repository, false, "free", "-h"))));
        lines.put("os", orEmpty(ShellCommand.output(repository, false, "uname", "-srm")) + "; " + prettyName());
        String version = ShellCommand.output(repository, true, javaBin, "-version");
        lines.put("java", version == null ? "" : version.replace('\n', ' ').strip());
        lines.put("java.bin", realPath(javaBin));
        for (ServerProgram server : Transports.servers()) {
            List<String> versionCommand = new ArrayList<>(server.versionCommand());
            versionCommand.set(0, server(versionCommand.get(0)));
            String said = ShellCommand.output(repository, false, versionCommand.toArray(String[]::new));
            lines.put(RunEnvironment.SERVER_PREFIX + server.name(), said == null || said.isBlank() ? "unknown" : said.strip());
        }
        return RunEnvironment.of(lines);
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
}
