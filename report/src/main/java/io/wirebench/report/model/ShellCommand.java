package io.wirebench.report.model;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short command's output, as a shell's {@code $(...)} gives it: for the environment probe and the history's commit dates. */
public final class ShellCommand {
    private static final long COMMAND_SECONDS = 30;

    private ShellCommand() {
    }

    /**
     * A command's output (standard output; with {@code withErrors} standard error too), trailing line breaks
     * dropped as a shell's {@code $(...)} does; null when it cannot start, fails, or takes over 30 s.
     */
    public static String output(Path dir, boolean withErrors, String... command) {
        Path out = null;
        try {
            out = Files.createTempFile("wirebench-environment", ".out");
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
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
