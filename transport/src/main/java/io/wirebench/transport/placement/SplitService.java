package io.wirebench.transport.placement;

import io.wirebench.transport.RemoteCredentials;
import io.wirebench.transport.serve.ServeCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A benchmark's service side in a process of its own, for {@code placement=split}: a serve command (a
 * {@link ServeCommand}'s main: the transport's server and the handlers) started with {@code taskset} on the upper
 * half of this machine's CPUs, and this JVM (the callers) pinned to the lower half, so the two no longer take each
 * other's CPU time. Its address comes from the line {@code callers' url:} it prints. Closing stops it (bounded:
 * SIGTERM, then SIGKILL) and gives this JVM its CPUs back; if this JVM dies first, the service sees its standard
 * input end and stops ({@code --stop-when-input-ends}).
 */
public final class SplitService implements AutoCloseable {
    static final long START_SECONDS = 60;

    private final Process process;
    private final Started started;
    private final CpuSet callers;
    private final CpuSet service;
    private final CpuSet before;
    private final NetworkNamespace namespace;

    private SplitService(Process process, Started started, CpuSet callers, CpuSet service, CpuSet before, NetworkNamespace namespace) {
        this.process = process;
        this.started = started;
        this.callers = callers;
        this.service = service;
        this.before = before;
        this.namespace = namespace;
    }

    /**
     * Starts {@code serveCommand}'s main (on this JVM's classpath) with {@code arguments} on CPUs of its own, and pins this JVM
     * to the others; {@code log} gets the service's output.
     */
    public static SplitService start(Class<?> serveCommand, List<String> arguments, Path log) {
        return start(serveCommand, arguments, log, null);
    }

    /**
     * As {@link #start(Class, List, Path)}, inside {@code namespace} when given (then {@code arguments} bind the service to its
     * address, with credentials, since that is beyond loopback); the namespace is closed with this, or at once if the service
     * does not start. {@code log}: null for a temporary file. Failures are unchecked: a benchmark's setup cannot go on without it.
     */
    public static SplitService start(Class<?> serveCommand, List<String> arguments, Path log, NetworkNamespace namespace) {
        Process process = null;
        try {
            CpuSet all = CpuSet.ofThisProcess();
            if (all.cpus().size() < 2) {
                throw new IllegalStateException("placement=split needs 2 CPUs or more to give the service its own; this process may use " + all);
            }
            CpuSet[] halves = all.halves();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(namespace == null ? List.of() : namespace.exec());
            command.addAll(List.of("taskset", "-c", halves[1].text(), java, "-Xms512m", "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), serveCommand.getName()));
            command.addAll(arguments);
            // its standard input stays open while this JVM lives: if this JVM dies, however it dies, the service ends too
            command.add("--stop-when-input-ends");
            Path output = log != null ? log : Files.createTempFile("wirebench-split-" + serveCommand.getSimpleName(), ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Started started = awaitStart(process, output);
            halves[0].pinAllThreads(ProcessHandle.current().pid());
            return new SplitService(process, started, halves[0], halves[1], all, namespace);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (process != null) {
                stop(process);
            }
            if (namespace != null) {
                namespace.close();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the split service started", e);
            }
            throw e instanceof IOException io ? new UncheckedIOException("the split service did not start: " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    /** What the service printed: callers' address, and for a secured one the files its callers present. */
    private record Started(String url, String secretFile, String authority) {
    }

    /** Reads the service's output (into {@code log}) until it says it is serving; bounded. */
    private static Started awaitStart(Process process, Path log) throws IOException, InterruptedException {
        CompletableFuture<Started> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            String url = null;
            String secret = null;
            String authority = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.startsWith("callers' url: ")) {
                        url = line.substring("callers' url: ".length()).strip();
                    } else if (line.startsWith("secret file: ")) {
                        secret = line.substring("secret file: ".length()).split(" ")[0];
                    } else if (line.startsWith("authority: ")) {
                        authority = line.substring("authority: ".length()).split(" ")[0];
                    } else if (line.startsWith("serving ") && url != null) {
                        started.complete(new Started(url, secret, authority));
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
            started.completeExceptionally(new IllegalStateException("the service process ended without saying it serves (exit "
                    + (process.isAlive() ? "?" : process.exitValue()) + ")"));
        }, "split-service-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return started.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the split service did not start: " + e.getCause().getMessage() + "; its output: " + log, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the split service said nothing of serving within " + START_SECONDS + " s; its output: " + log, e);
        }
    }

    public String url() {
        return started.url();
    }

    /** The files a secured service's callers present (its secret, its certificate authority); null for an unsecured one. */
    public RemoteCredentials credentials() {
        return started.secretFile() == null && started.authority() == null ? null
                : new RemoteCredentials(started.secretFile() == null ? null : Path.of(started.secretFile()),
                        started.authority() == null ? null : Path.of(started.authority()));
    }

    public long pid() {
        return process.pid();
    }

    /** "split: service (pid N) on CPUs 1, callers on CPUs 0". */
    public String describe() {
        return "split: service (pid " + process.pid() + ") on CPUs " + service.text() + ", callers on CPUs " + callers.text()
                + (namespace == null ? "" : "; " + namespace.describe());
    }

    @Override
    public void close() {
        stop(process);
        if (namespace != null) {
            namespace.close();
        }
        try {
            before.pinAllThreads(ProcessHandle.current().pid());
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the fork ends after its trial; an in-process run keeps its pinning
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
