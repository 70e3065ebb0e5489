package io.wirebench.transport.server;

import io.wirebench.transport.access.BindAddress;
import io.wirebench.transport.access.Security;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process the suite starts for itself: bound to 127.0.0.1 (or the {@link #bind} address) on a free port, in its own fresh
 * directory under {@code target/wirebench-servers/}, its output captured to {@code server.log}, ready
 * only when a protocol-level probe answers (never "the process is alive"), within a deadline. Stopping
 * is SIGTERM to the process tree, a bounded wait, then SIGKILL. A JVM shutdown hook and
 * {@link ServerReaper}'s pid files make sure it never outlives the run.
 */
public abstract class ManagedServer implements AutoCloseable, FaultTarget {
    private static final Path WORK_ROOT = Path.of(System.getProperty("wirebench.work", "target/wirebench-servers"));
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final String debianPackage;
    private final Duration startTimeout;
    private final List<Started> processes = new ArrayList<>();
    private Path directory;
    private int port;
    private Thread shutdownHook;

    private record Started(Process process, Path pidFile) {
    }

    /** Descendants seen once the server was ready, kept so that they are stopped even if their parent died first. */
    private final List<ProcessHandle> descendants = new ArrayList<>();
    private final List<Path> descendantPidFiles = new ArrayList<>();

    private Security security = Security.NONE;

    /**
     * Before {@link #start()}: {@code auth} makes the server require this run's credentials, {@code tls} that
     * over TLS with this run's certificate (each server says how in its configuration).
     */
    public void secure(Security security) {
        if (directory != null) {
            throw new IllegalStateException(name + " is already started");
        }
        this.security = security;
    }

    protected final Security security() {
        return security;
    }

    private BindAddress bind = BindAddress.LOOPBACK;

    /**
     * Before {@link #start()}: where the listener clients use accepts connections (127.0.0.1 unless given; only with
     * {@link #secure credentials} beyond loopback). A server's other listeners (cluster routes, Erlang
     * distribution, epmd) stay on loopback.
     */
    public void bind(BindAddress bind) {
        if (directory != null) {
            throw new IllegalStateException(name + " is already started");
        }
        this.bind = bind;
    }

    protected final BindAddress bindAddress() {
        return bind;
    }

    /** The host that reaches the client listener from here: the bind address, or 127.0.0.1 for the wildcard. */
    public final String dialHost() {
        return bind.dialHost();
    }

    protected ManagedServer(ServerProgram program, Duration startTimeout) {
        this(program.name(), program.debianPackage(), startTimeout);
    }

    protected ManagedServer(String name, String debianPackage, Duration startTimeout) {
        this.name = name;
        this.debianPackage = debianPackage;
        this.startTimeout = startTimeout;
    }

    /** The command line for a server listening on {@link #bindAddress()}:{@code port} with its files in {@code directory}. */
    protected abstract List<String> command(Path binary, int port, Path directory) throws IOException;

    /** Extra environment for the server process. */
    protected Map<String, String> environment(int port, Path directory) {
        return Map.of();
    }

    /** True once the server answers its protocol on {@code port}; must return within about a second. */
    protected abstract boolean ready(int port);

    /** Where the executable is looked for, in order. */
    protected abstract List<Path> binaryCandidates();

    /** Starts a companion process before the server (RabbitMQ's epmd); none by default. */
    protected void beforeStart(Path directory) throws IOException {
    }

    /** How often a start is tried again when the server found its port taken (a free port can be taken between the pick and the bind). */
    private static final int PORT_ATTEMPTS = 3;

    public synchronized ManagedServer start() {
        if (directory != null) {
            throw new IllegalStateException(name + " already started");
        }
        bind.requireProtectedBy(security);
        ServerReaper.reapOrphans();
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce();
            } catch (ServerStartException e) {
                if (attempt >= PORT_ATTEMPTS || !portTaken(e.getMessage())) {
                    throw e;
                }
                directory = null; // a fresh port and directory for the next attempt
            }
        }
    }

    /** True if a start failed because a port it was given was in use by then. */
    static boolean portTaken(String failure) {
        String text = String.valueOf(failure).toLowerCase(Locale.ROOT);
        return text.contains("address already in use") || text.contains("eaddrinuse") || text.contains("port_already_used");
    }

    private ManagedServer startOnce() {
        port = FreePorts.pick();
        try {
            directory = Files.createDirectories(WORK_ROOT.toAbsolutePath()).resolve(name + "-" + port + "-" + System.nanoTime());
            // this user's only: the configuration written here may hold the run's credentials
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new ServerStartException("cannot prepare " + name + " in " + directory + ": " + e.getMessage(), e);
        }
        shutdownHook = new Thread(this::stopQuietly, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        return launchAndAwait();
    }

    /**
     * Fault injection: kills every process of the server at once with SIGKILL, as a crash would, and keeps
     * its port and directory so that {@link #restart()} brings it back where its clients reconnect.
     */
    @Override
    public synchronized void kill() {
        if (processes.isEmpty()) {
            throw new IllegalStateException(name + " is not running");
        }
        List<ProcessHandle> all = new ArrayList<>(descendants);
        processes.forEach(started -> all.add(started.process().toHandle()));
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            if (!Processes.awaitExit(p, 5_000)) {
                throw new IllegalStateException(name + " process " + p.pid() + " survived SIGKILL for 5 s");
            }
        }
        descendantPidFiles.forEach(ServerReaper::unregister);
        processes.forEach(started -> ServerReaper.unregister(started.pidFile()));
        descendants.clear();
        descendantPidFiles.clear();
        processes.clear();
    }

    /** Fault injection: starts the server again after {@link #kill()}, on the same port and directory; ready when it answers. */
    @Override
    public synchronized void restart() {
        restartServer();
    }

    /** {@link #restart()}, returning this server. */
    public synchronized ManagedServer restartServer() {
        if (directory == null) {
            throw new IllegalStateException(name + " was never started");
        }
        if (!processes.isEmpty()) {
            throw new IllegalStateException(name + " is running; kill it first");
        }
        return launchAndAwait();
    }

    /** Fault injection: SIGSTOP to every process of the server: it stops answering but keeps its connections open. */
    @Override
    public synchronized void pause() {
        signal("STOP");
    }

    /** Fault injection: SIGCONT after {@link #pause()}. */
    @Override
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        for (ProcessHandle p : processTree()) {
            if (!Processes.running(p)) {
                continue;
            }
            try {
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).redirectErrorStream(true).start();
                if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                    kill.destroyForcibly();
                    throw new IllegalStateException("kill -" + signal + " " + p.pid() + " did not return within 5 s");
                }
                if (kill.exitValue() != 0) {
                    throw new IllegalStateException("kill -" + signal + " " + p.pid() + " failed: "
                            + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
                }
                // the signal is delivered asynchronously: wait (bounded) until the process shows it
                boolean stopping = "STOP".equals(signal);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (Processes.running(p) && (Processes.state(p) == 'T') != stopping) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(name + " (" + p.pid() + ") did not " + (stopping ? "stop" : "continue")
                                + " within 5 s of SIG" + signal + "; state " + Processes.state(p));
                    }
                    Thread.sleep(10);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot send SIG" + signal + " to " + name + " (" + p.pid() + "): " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted sending SIG" + signal + " to " + name, e);
            }
        }
    }

    private ManagedServer launchAndAwait() {
        Path binary = binaryCandidates().stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new ServerStartException(name + " not found (looked at " + binaryCandidates()
                        + "); install the Debian package '" + debianPackage + "': run scripts/setup"));
        List<String> command;
        try {
            beforeStart(directory);
            command = command(binary, port, directory);
        } catch (IOException e) {
            throw new ServerStartException("cannot prepare " + name + " in " + directory + ": " + e.getMessage(), e);
        }
        Process process = launch(command, environment(port, directory), directory.resolve("server.log"));
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                String failure = name + " exited with code " + process.exitValue() + " before it was ready; command: "
                        + String.join(" ", command) + "\n" + logTail();
                close();
                throw new ServerStartException(failure);
            }
            if (ready(port)) {
                for (Started started : processes) {
                    started.process().descendants().forEach(child -> {
                        descendants.add(child);
                        descendantPidFiles.add(ServerReaper.register(child, name + " child " + child.info().command().orElse("?")));
                    });
                }
                return this;
            }
            if (System.nanoTime() > deadline) {
                String failure = name + " did not answer on " + dialHost() + ":" + port + " within " + startTimeout.toSeconds()
                        + " s; command: " + String.join(" ", command) + "\n" + logTail();
                close();
                throw new ServerStartException(failure);
            }
            sleep(50);
        }
    }

    /**
     * Starts a process owned by this server (stopped with it), output appended to {@code log}. The
     * process is started through {@code sh}, which waits for a go-ahead on its standard input before it
     * {@code exec}s the real command (same pid): the go-ahead is sent only once the pid file is written,
     * so a JVM killed in between leaves no server behind (the shell reads end-of-file and exits).
     */
    protected final Process launch(List<String> command, Map<String, String> environment, Path log) {
        List<String> gated = new ArrayList<>(List.of("/bin/sh", "-c", "read -r go && exec \"$0\" \"$@\""));
        gated.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(gated).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ServerStartException("cannot start " + name + ": " + String.join(" ", command) + ": " + e.getMessage()
                    + "; install the Debian package '" + debianPackage + "': run scripts/setup", e);
        }
        processes.add(new Started(process, ServerReaper.register(process.toHandle(), name + " " + String.join(" ", command))));
        try (var go = process.getOutputStream()) {
            go.write("go\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ServerStartException(name + " exited before it was started: " + String.join(" ", command) + "\n" + logTail(), e);
        }
        return process;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The OS process that is the server itself (for fault injection: kill, pause): the last process
     * started, unless a subclass knows better (RabbitMQ's start script runs the Erlang VM as a child).
     */
    public ProcessHandle process() {
        if (processes.isEmpty()) {
            throw new IllegalStateException(name + " is not running");
        }
        return processes.get(processes.size() - 1).process().toHandle();
    }

    /** What was started, with the descendants seen at readiness. */
    protected final List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        processes.forEach(p -> tree.add(p.process().toHandle()));
        tree.addAll(descendants);
        return tree;
    }

    public boolean isRunning() {
        return !processes.isEmpty() && processes.stream().allMatch(p -> Processes.running(p.process().toHandle()));
    }

    /** The last lines of the server's log, for error messages. */
    public String logTail() {
        Path log = directory == null ? null : directory.resolve("server.log");
        try {
            if (log == null || !Files.exists(log)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops every process of this server, newest first; bounded. */
    @Override
    public synchronized void close() {
        stopQuietly();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
            shutdownHook = null;
        }
    }

    private void stopQuietly() {
        List<ProcessHandle> all = new ArrayList<>(descendants);
        for (Started started : processes) {
            all.add(started.process().toHandle());
        }
        ServerReaper.stopAll(all, STOP_GRACE.toSeconds());
        descendantPidFiles.forEach(ServerReaper::unregister);
        processes.forEach(started -> ServerReaper.unregister(started.pidFile()));
        descendants.clear();
        descendantPidFiles.clear();
        processes.clear();
    }

    protected static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting for a server", e);
        }
    }
}
