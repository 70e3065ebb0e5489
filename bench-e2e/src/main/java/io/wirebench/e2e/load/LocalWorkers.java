package io.wirebench.e2e.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Load workers started here as processes of their own ({@code scripts/load --workers N}): each a JVM running
 * {@link LoadWorkerCommand} on this JVM's classpath against the control plane, its output in
 * {@code worker-<k>.log}. Closing stops every one still running (bounded), so none outlives the run.
 */
public final class LocalWorkers implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    public LocalWorkers(int count, String controlUrl, Path logs) throws IOException {
        this(count, controlUrl, logs, System.getProperty("java.class.path"));
    }

    /** {@code classpath}: where the workers' classes are (the module's benchmarks.jar, or this JVM's classpath). */
    public LocalWorkers(int count, String controlUrl, Path logs, String classpath) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            for (int k = 0; k < count; k++) {
                String name = "local-" + k;
                Process p = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-cp", classpath, LoadWorkerCommand.class.getName(),
                        "--control", controlUrl, "--name", name)
                        .redirectErrorStream(true).redirectOutput(logs.resolve("worker-" + k + ".log").toFile()).start();
                processes.add(p);
                names.add(name);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** Kills worker {@code k} at once (as a crash would), for the tests of a lost worker. */
    public void kill(int k) throws InterruptedException {
        processes.get(k).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits (bounded) for the workers to finish by themselves; those still running after it are stopped. */
    public void awaitExit(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Process p : processes) {
            p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroy();
            }
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
