package io.wirebench.transport.server;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure no server the suite started outlives the run. Every started process gets a pid file in a
 * private runtime folder ({@link #DIRECTORY}) naming the JVM that owns it; a JVM shutdown hook stops what is
 * still running; and every start first reaps the processes of owners that are gone (a benchmark JVM killed
 * with {@code kill -9}). The folder is the user's own ({@code $XDG_RUNTIME_DIR/wirebench}, else
 * {@code ~/.cache/wirebench/run}; {@code -Dwirebench.runtimeDir} moves it), mode 0700, refused if it is a
 * symlink or someone else's; pid files are written whole (a temp file, then a rename) and read without
 * following symlinks; and a process is stopped only when both its pid and its start time match the file,
 * so a recycled pid, a planted file or a file without a start time never stops anything.
 */
public final class ServerReaper {
    static final Path DIRECTORY = runtimeDirectory();

    private ServerReaper() {
    }

    private static Path runtimeDirectory() {
        String configured = System.getProperty("wirebench.runtimeDir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isDirectory(Path.of(xdg), LinkOption.NOFOLLOW_LINKS)) {
            return Path.of(xdg, "wirebench");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "wirebench", "run");
    }

    /** The runtime folder, made if missing (0700), refused unless it is a real folder of this user's, then kept at 0700. */
    public static Path directory() throws IOException {
        if (!Files.exists(DIRECTORY, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(DIRECTORY.getParent());
            try {
                Files.createDirectory(DIRECTORY, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // made by another JVM a moment ago: checked below like any existing folder
            }
        }
        if (!Files.isDirectory(DIRECTORY, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(DIRECTORY + " is not a folder (a symlink or a file): refused as the pid folder");
        }
        UserPrincipal owner = Files.getOwner(DIRECTORY, LinkOption.NOFOLLOW_LINKS);
        String me = System.getProperty("user.name");
        if (!owner.getName().equals(me)) {
            throw new IOException(DIRECTORY + " belongs to " + owner.getName() + ", not " + me + ": refused as the pid folder");
        }
        if (!Files.getPosixFilePermissions(DIRECTORY, LinkOption.NOFOLLOW_LINKS).equals(PosixFilePermissions.fromString("rwx------"))) {
            Files.setPosixFilePermissions(DIRECTORY, PosixFilePermissions.fromString("rwx------"));
        }
        return DIRECTORY;
    }

    /** Records {@code process} as owned by this JVM. */
    static Path register(ProcessHandle process, String description) {
        try {
            Path directory = directory();
            Properties entry = new Properties();
            entry.setProperty("owner", Long.toString(ProcessHandle.current().pid()));
            entry.setProperty("ownerStart", startOf(ProcessHandle.current()));
            entry.setProperty("pid", Long.toString(process.pid()));
            entry.setProperty("start", startOf(process));
            entry.setProperty("what", description);
            Path file = directory.resolve(process.pid() + ".pid");
            // whole or not at all: a temp file (0600) then a rename, which replaces a symlink rather than following it
            Path temp = Files.createTempFile(directory, process.pid() + "-", ".tmp");
            try {
                try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    entry.store(out, "wirebench managed server");
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
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
        if (!Files.exists(DIRECTORY, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int killed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(), "*.pid")) {
            for (Path file : files) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.delete(file); // a symlink (or anything else) planted here: removed, never followed
                    } catch (IOException notRemovable) {
                        // a folder with something in it: left alone, and never read
                    }
                    continue;
                }
                Properties entry = new Properties();
                try (var in = new InputStreamReader(Channels.newInputStream(
                        Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))),
                        StandardCharsets.UTF_8)) {
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
        var tree = new LinkedHashSet<ProcessHandle>();
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
            // no start time, no match: a pid alone may have been recycled by any process since
            return ProcessHandle.of(Long.parseLong(pid))
                    .filter(Processes::running)
                    .filter(p -> start != null && !start.equals("unknown") && start.equals(startOf(p)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("unknown");
    }
}
