package io.wirebench.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a module's {@code target/benchmarks.jar} the way a user does ({@code java -jar}), for the
 * failsafe checks that follow {@code package}. The jar path and java binary come from the system
 * properties failsafe sets ({@code benchmarks.jar}, {@code java.bin}). Every run has a deadline.
 */
public final class BenchmarkJar {
    private final Path jar;
    private final String java;

    public BenchmarkJar(Path jar, String java) {
        this.jar = jar;
        this.java = java;
    }

    public static BenchmarkJar ofThisModule() {
        String jar = System.getProperty("benchmarks.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("benchmarks.jar not found at '" + jar + "': run through 'mvn verify' (failsafe sets it)");
        }
        return new BenchmarkJar(Path.of(jar), System.getProperty("java.bin", "java"));
    }

    public Path jar() {
        return jar;
    }

    /** The output of {@code java -jar benchmarks.jar args...}; fails on a non-zero exit or the deadline. */
    public String run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("benchmarks-jar", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + tail(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + tail(log));
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The benchmark names {@code -l} prints. */
    public List<String> list() throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (String line : run(120, "-l").split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("Benchmarks:")) {
                names.add(name);
            }
        }
        return names;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
