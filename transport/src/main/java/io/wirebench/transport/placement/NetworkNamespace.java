package io.wirebench.transport.placement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace of the run's own with a veth pair into it, so a service started inside talks to this
 * host's callers through a real network stack (two interfaces, routing, the kernel's TCP on both ends), as
 * between two hosts: {@code ip netns add}, {@code ip link add … type veth}, a /30 of 10.213.0.0/16 (this side
 * {@code .1}, the namespace's {@code .2}). Closing deletes the namespace, which takes the pair with it. Its name
 * holds this JVM's pid ({@code wb-<pid>-<n>}), so one left by a JVM that was killed is deleted by the next
 * ({@link #create}). Needs root (CAP_NET_ADMIN); without it the error says so.
 */
public final class NetworkNamespace implements AutoCloseable {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final String PREFIX = "wb-";

    private final String name;
    private final String hostSide;
    private final String subnet;
    private boolean closed;

    private NetworkNamespace(String name, String hostSide, String subnet) {
        this.name = name;
        this.hostSide = hostSide;
        this.subnet = subnet;
    }

    /** Makes one (unchecked failures: a trial cannot go on without it). */
    public static NetworkNamespace create() {
        try {
            return make();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a network namespace", e);
        }
    }

    private static NetworkNamespace make() throws IOException, InterruptedException {
        reapStale();
        long pid = ProcessHandle.current().pid();
        int n = COUNT.getAndIncrement();
        String name = PREFIX + pid + "-" + n;
        // interface names: at most 15 characters
        String tag = Long.toString(pid % 100_000) + (char) ('a' + n % 26);
        String hostSide = "wbh" + tag;
        String inside = "wbn" + tag;
        int block = (int) ((pid * 31 + n) % 16_384); // /30s of 10.213.0.0/16
        String subnet = "10.213." + (block * 4 / 256) + "." + (block * 4 % 256);
        NetworkNamespace ns = new NetworkNamespace(name, hostSide, subnet);
        try {
            ip("netns", "add", name);
            ip("link", "add", hostSide, "type", "veth", "peer", "name", inside);
            ip("link", "set", inside, "netns", name);
            ip("addr", "add", ns.address(1) + "/30", "dev", hostSide);
            ip("link", "set", hostSide, "up");
            ip("netns", "exec", name, "ip", "addr", "add", ns.address(2) + "/30", "dev", inside);
            ip("netns", "exec", name, "ip", "link", "set", inside, "up");
            ip("netns", "exec", name, "ip", "link", "set", "lo", "up");
        } catch (IOException | InterruptedException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Deletes the namespaces of JVMs that are gone (a run killed before it could clean up). */
    static void reapStale() throws IOException, InterruptedException {
        for (String line : run("ip", "netns", "list").split("\n")) {
            String ns = line.strip().split("\\s+")[0];
            if (ns.startsWith(PREFIX)) {
                String[] parts = ns.substring(PREFIX.length()).split("-");
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                run("ip", "netns", "del", ns);
            }
        }
    }

    /** The name, for {@code ip netns exec}. */
    public String name() {
        return name;
    }

    /** The service's address, inside the namespace. */
    public String serviceAddress() {
        return address(2);
    }

    private String address(int host) {
        String[] parts = subnet.split("\\.");
        return parts[0] + "." + parts[1] + "." + parts[2] + "." + (Integer.parseInt(parts[3]) + host);
    }

    /** The words that run a command inside the namespace. */
    public List<String> exec() {
        return List.of("ip", "netns", "exec", name);
    }

    /** "namespace wb-…, veth wbh… 10.213.x.1 <-> 10.213.x.2". */
    public String describe() {
        return "namespace " + name + ", veth " + hostSide + " " + address(1) + " <-> " + serviceAddress();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            run("ip", "netns", "del", name);
            run("ip", "link", "del", hostSide); // gone with the namespace, normally
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 10 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + out + ")"
                    + (out.contains("Operation not permitted") ? ": a network namespace needs root (CAP_NET_ADMIN)" : ""));
        }
    }

    /** A command's output, whatever its exit (bounded). */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
