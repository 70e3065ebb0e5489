package io.wirebench.transport.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Whether a process is still running. {@link ProcessHandle#isAlive()} is true for a zombie, and a
 * server whose parent died is re-parented to PID 1, which in a container may never reap it: such a
 * process has exited all the same. On Linux the state letter in {@code /proc/<pid>/stat} tells.
 */
public final class Processes {
    private Processes() {
    }

    public static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            int close = text.lastIndexOf(')');
            char state = close > 0 && close + 2 < text.length() ? text.charAt(close + 2) : 'R';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return process.isAlive();
        }
    }

    /** The state letter of {@code /proc/<pid>/stat} (R, S, T for stopped, Z, ...); '?' if unreadable. */
    public static char state(ProcessHandle process) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int close = text.lastIndexOf(')');
            return close > 0 && close + 2 < text.length() ? text.charAt(close + 2) : '?';
        } catch (IOException e) {
            return '?';
        }
    }

    /** Waits until the process is no longer running; false if it still is after {@code millis}. */
    public static boolean awaitExit(ProcessHandle process, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (running(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !running(process);
            }
        }
        return true;
    }

    /**
     * The processes started at or after {@code since}, still running, whose executable {@code command} picks: after
     * a run, the ones it left behind ({@code Transports.serversStartedSince} picks the registry's server programs).
     */
    public static List<String> startedSince(Instant since, Predicate<String> command) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().startInstant().map(start -> !start.isBefore(since)).orElse(true))
                .filter(p -> p.info().command().map(command::test).orElse(false))
                .filter(Processes::running)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }
}
