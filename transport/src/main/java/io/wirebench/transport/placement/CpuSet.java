package io.wirebench.transport.placement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A set of CPUs as Linux lists them ({@code 0-3,6}): the ones this process may run on
 * ({@code Cpus_allowed_list} in /proc/self/status), split in halves for the split placement, and pinned with
 * {@code taskset}.
 */
public record CpuSet(List<Integer> cpus) {

    public CpuSet {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a CPU set needs at least one CPU");
        }
        cpus = List.copyOf(new TreeSet<>(cpus));
    }

    public static CpuSet ofThisProcess() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return parse(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        throw new IOException("/proc/self/status has no Cpus_allowed_list");
    }

    /** {@code 0-3,6} and the like. */
    public static CpuSet parse(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                int dash = p.indexOf('-');
                if (dash < 0) {
                    cpus.add(Integer.parseInt(p));
                } else {
                    for (int c = Integer.parseInt(p.substring(0, dash)); c <= Integer.parseInt(p.substring(dash + 1)); c++) {
                        cpus.add(c);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + list + "' is not a CPU list such as 0-3,6", e);
            }
        }
        return new CpuSet(cpus);
    }

    /** The lower half (the callers') and the upper half (the service's); with an odd count the upper half has one more. */
    public CpuSet[] halves() {
        int lower = cpus.size() / 2;
        return new CpuSet[] {new CpuSet(cpus.subList(0, lower)), new CpuSet(cpus.subList(lower, cpus.size()))};
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        for (int c : cpus) {
            s.append(s.isEmpty() ? "" : ",").append(c);
        }
        return s.toString();
    }

    /** Moves every thread of process {@code pid} onto these CPUs ({@code taskset -a -c -p}). */
    public void pinAllThreads(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-a", "-c", "-p", text(), Long.toString(pid)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("taskset -a -c -p " + text() + " " + pid + " failed: " + out.strip());
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
