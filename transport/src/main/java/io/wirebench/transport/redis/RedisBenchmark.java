package io.wirebench.transport.redis;

import io.wirebench.transport.floor.PeerRound;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code redis-benchmark} (shipped with Debian's redis packages): the command floor, one {@code LPUSH} of a
 * request-sized value per round trip, read back from its CSV (requests/s, p50, p99). A reference beside the
 * RPC floor, not one: a Redis-backed RPC takes several commands per request.
 */
final class RedisBenchmark {
    private RedisBenchmark() {
    }

    static List<String> command(int port, int clients, int requests, int valueBytes) {
        return new ArrayList<>(List.of("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port), "-c", Integer.toString(clients),
                "-n", Integer.toString(requests), "-d", Integer.toString(valueBytes), "-t", "lpush", "--csv"));
    }

    static String version() {
        try {
            Process p = new ProcessBuilder("redis-benchmark", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return out.replaceFirst("^redis-benchmark\\s*", "");
        } catch (IOException e) {
            throw new IllegalStateException("redis-benchmark is not installed (Debian package redis-tools): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static PeerRound run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("redis-benchmark did not finish: " + String.join(" ", command));
        }
        return parse(out, String.join(" ", command));
    }

    /** The {@code LPUSH} row of redis-benchmark's CSV (header: test, rps, avg, min, p50, p95, p99, max in ms). */
    static PeerRound parse(String csv, String command) {
        String[] header = null;
        for (String line : csv.split("\\R")) {
            String[] cells = line.replace("\"", "").split(",");
            if (cells.length > 1 && "test".equals(cells[0])) {
                header = cells;
            } else if (header != null && cells.length == header.length && cells[0].startsWith("LPUSH")) {
                List<String> names = List.of(header);
                return new PeerRound(Double.parseDouble(cells[names.indexOf("p50_latency_ms")]) * 1e3,
                        Double.parseDouble(cells[names.indexOf("p99_latency_ms")]) * 1e3, Double.parseDouble(cells[names.indexOf("rps")]));
            }
        }
        throw new IllegalStateException("redis-benchmark printed no LPUSH row with percentiles: " + command + "\n" + csv);
    }
}
