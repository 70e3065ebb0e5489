package io.wirebench.transport.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The TCP sockets that processes listen on, read from Linux's {@code /proc}: {@code /proc/net/tcp} and
 * {@code tcp6} give each listening socket's address and inode, {@code /proc/<pid>/fd} which process holds it.
 */
public final class ListeningSockets {
    /** One listening socket: who holds it and where it listens. */
    public record Socket(long pid, String command, InetAddress address, int port) {
        @Override
        public String toString() {
            return command + " (pid " + pid + ") listens on " + address.getHostAddress() + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    /** The listening sockets held by {@code processes}. */
    public static List<Socket> of(List<ProcessHandle> processes) {
        Map<Long, InetAddressAndPort> listening = new HashMap<>();
        read(Path.of("/proc/net/tcp"), listening);
        read(Path.of("/proc/net/tcp6"), listening);
        List<Socket> out = new ArrayList<>();
        for (ProcessHandle process : processes) {
            Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
            String command = process.info().command().orElse("?");
            try (Stream<Path> entries = Files.list(fds)) {
                for (Path fd : entries.toList()) {
                    String target;
                    try {
                        target = Files.readSymbolicLink(fd).toString();
                    } catch (IOException gone) {
                        continue;
                    }
                    if (target.startsWith("socket:[")) {
                        InetAddressAndPort where = listening.get(Long.parseLong(target.substring(8, target.length() - 1)));
                        if (where != null) {
                            out.add(new Socket(process.pid(), command, where.address(), where.port()));
                        }
                    }
                }
            } catch (IOException processGone) {
                // exited while we looked
            }
        }
        return out;
    }

    /** This JVM and every process it started, at any depth. */
    public static List<ProcessHandle> thisJvmAndItsDescendants() {
        List<ProcessHandle> out = new ArrayList<>();
        out.add(ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(out::add);
        return out;
    }

    private record InetAddressAndPort(InetAddress address, int port) {
    }

    private static void read(Path table, Map<Long, InetAddressAndPort> into) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table, e);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (!"0A".equals(f[3])) { // TCP_LISTEN
                continue;
            }
            String[] local = f[1].split(":");
            into.put(Long.parseLong(f[9]), new InetAddressAndPort(address(local[0]), Integer.parseInt(local[1], 16)));
        }
    }

    /** The kernel prints an address as 32-bit words in host (little-endian) order. */
    private static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
