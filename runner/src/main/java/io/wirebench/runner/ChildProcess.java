package io.wirebench.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command the runner starts and waits for, with a deadline: its output into a log file (appended or new), its
 * standard input closed. Past the deadline it is destroyed, given 10 s, then killed, and counts as failed.
 */
final class ChildProcess {
    static final int TIMED_OUT = -1;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private ChildProcess() {
    }

    /** {@code command}'s exit code, or {@link #TIMED_OUT}; its output goes to {@code log} (appended when {@code append}). */
    static int run(List<String> command, Path log, boolean append, Duration deadline) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        Process process = builder.start();
        try {
            if (process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            return TIMED_OUT;
        } finally {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }
}
