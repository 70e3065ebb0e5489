package io.wirebench.transport.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure no server the suite started outlives the run. Every started process gets a pid file in
 * {@code ${java.io.tmpdir}/wirebench-servers/} naming the JVM that owns it; a JVM shutdown hook stops
 * what is still running; and every start first reaps the processes of owners that are gone (a benchmark
 * JVM killed with {@code kill -9}), recognising them by pid and start time, so a recycled pid is never killed.
 */
public final class ServerReaper {
    static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "wirebench-servers");

    private ServerReaper() {
    }

    /** Records {@code process} as owned by this JVM. */
    static Path register(ProcessHandle process, String description) {
        try {
            Files.createDirectories(DIRECTORY);
            Properties entry = new Properties();
            entry.setProperty("owner", Long.toString(ProcessHandle.current().pid()));
            entry.setProperty("ownerStart", startOf(ProcessHandle.current()));
            entry.setProperty("pid", Long.toString(process.pid()));
            entry.setProperty("start", startOf(process));
            entry.setProperty("what", description);
            Path file = DIRECTORY.resolve(process.pid() + ".pid");
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                entry.store(out, "wirebench managed server");
            }
            return file;
        } catch (IOException e) {
            throw new ServerStartException("cannot write pid file in " + DIRECTORY + ": " + e.getMessage(), e);
        }
    }

    static void unregister(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale file is reaped harmlessly: its owner is this JVM until it exits, then the process is gone
        }
    }

    /** Kills processes whose owning JVM is gone; returns how many were killed. */
    public static int reapOrphans() {
        if (!Files.isDirectory(DIRECTORY)) {
            return 0;
        }
        int killed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DIRECTORY, "*.pid")) {
            for (Path file : files) {
                Properties entry = new Properties();
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    entry.load(in);
                } catch (IOException | IllegalArgumentException unreadable) {
                    Files.deleteIfExists(file);
                    continue;
                }
                if (alive(entry.getProperty("owner"), entry.getProperty("ownerStart"))) {
                    continue;
                }
                Optional<ProcessHandle> orphan = handle(entry.getProperty("pid"), entry.getProperty("start"));
                if (orphan.isPresent()) {
                    stop(orphan.get(), 5);
                    killed++;
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new ServerStartException("cannot read " + DIRECTORY + ": " + e.getMessage(), e);
        }
        return killed;
    }

    /** SIGTERM to the process and its descendants, a bounded wait, then SIGKILL. */
    static void stop(ProcessHandle process, long graceSeconds) {
        stopAll(List.of(process), graceSeconds);
    }

    /**
     * SIGTERM to every one of {@code processes} and their descendants at once, one shared grace period
     * for all of them to exit (a child that waits for its parent to go first does not cost a grace period
     * of its own), then SIGKILL to whatever still runs; bounded.
     */
    static void stopAll(List<ProcessHandle> processes, long graceSeconds) {
        var tree = new java.util.LinkedHashSet<ProcessHandle>();
        for (ProcessHandle process : processes) {
            process.descendants().forEach(tree::add);
            tree.add(process);
        }
        tree.stream().filter(Processes::running).forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
        for (ProcessHandle p : tree) {
            Processes.awaitExit(p, Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        tree.stream().filter(Processes::running).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            Processes.awaitExit(p, 5_000);
        }
    }

    private static boolean alive(String pid, String start) {
        return handle(pid, start).isPresent();
    }

    private static Optional<ProcessHandle> handle(String pid, String start) {
        if (pid == null) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .filter(Processes::running)
                    .filter(p -> start == null || start.equals(startOf(p)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("unknown");
    }
}
