package io.wirebench.transport.http;

import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.floor.FloorPlan;
import io.wirebench.transport.floor.PeerResult;
import io.wirebench.transport.floor.PeerRound;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wrk} (Debian package {@code wrk}) against an HTTP endpoint: a Lua script posts the same encoded
 * orders the suite sends, in turn, and prints the run's p50, p99, requests and errors, which this class
 * reads back. One wrk thread per connection up to the machine's cores.
 */
final class Wrk {
    private static final Pattern SUMMARY = Pattern.compile(
            "wirebench p50_us=(\\d+) p99_us=(\\d+) requests=(\\d+) duration_us=(\\d+) errors=(\\d+)");
    private static final String SCRIPT = """
            local bodies = {}
            local next = 0
            init = function(args)
              for _, path in ipairs(args) do
                local f = assert(io.open(path, "rb"))
                bodies[#bodies + 1] = f:read("*a")
                f:close()
              end
            end
            request = function()
              next = next % #bodies + 1
              return wrk.format("POST", nil, {["Content-Type"] = "application/octet-stream"}, bodies[next])
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("wirebench p50_us=%d p99_us=%d requests=%d duration_us=%d errors=%d\\n",
                latency:percentile(50), latency:percentile(99), summary.requests, summary.duration,
                e.connect + e.read + e.write + e.status + e.timeout))
            end
            """;

    private final Path folder;
    private final List<Path> bodies = new ArrayList<>();

    /**
     * The floor of {@code http}: wrk against the suite's own Jetty service (the same handler on the same responders), one
     * warm-up run and the plan's rounds per shape and connection count.
     */
    static List<PeerResult> measure(FloorPlan plan) throws Exception {
        TransportSettings settings = TransportSettings.defaults().withResponders(plan.responders());
        String version = version();
        List<PeerResult> results = new ArrayList<>();
        try (HttpTransport transport = new HttpTransport(settings, HttpTransport.Client.JETTY); RpcServer server = transport.newServer()) {
            server.register("orders", plan.handler());
            String url = transport.baseUrl() + "/rpc/orders";
            for (String shape : plan.shapes()) {
                FloorPlan.Bodies bodies = plan.bodies(shape);
                try (RpcClient client = transport.newClient()) {
                    for (int i = 0; i < bodies.orders().length; i++) {
                        plan.checkReply("http", client.request("orders", bodies.requests()[i]), bodies.orders()[i]);
                    }
                }
                Path folder = Files.createDirectories(plan.work().resolve("wrk-" + shape));
                Wrk wrk = new Wrk(folder, bodies.requests());
                Duration warmup = Duration.ofSeconds(Math.max(1, plan.warmup().toSeconds()));
                for (int n : plan.callers()) {
                    System.out.println("peers: http " + shape + " x" + n + " (wrk)");
                    List<PeerRound> measured = plan.warmedRounds(() -> wrk.run(url, n, warmup), () -> wrk.run(url, n, plan.round()));
                    String command = String.join(" ", wrk.command(url, n, plan.round())).replace(folder.toString(), "<bodies>");
                    results.add(new PeerResult("http", "wrk", version, command + " (Jetty service, " + plan.responders() + " responders)", shape, n,
                            PeerResult.FLOOR, measured));
                }
            }
        }
        return results;
    }

    /** Writes the script and the request bodies into {@code folder}. */
    Wrk(Path folder, byte[][] requests) throws IOException {
        this.folder = folder;
        Files.writeString(folder.resolve("peer.lua"), SCRIPT, StandardCharsets.UTF_8);
        for (int i = 0; i < requests.length; i++) {
            bodies.add(Files.write(folder.resolve("body-" + i + ".bin"), requests[i]));
        }
    }

    static String version() {
        try {
            Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("wrk (\\S+)").matcher(out);
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed (Debian package wrk; scripts/setup installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    List<String> command(String url, int connections, Duration duration) {
        int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + Math.max(1, duration.toSeconds()) + "s",
                "--timeout", "5s", "-s", folder.resolve("peer.lua").toString(), url, "--"));
        bodies.forEach(b -> command.add(b.toString()));
        return command;
    }

    /** One wrk run; fails on a non-zero exit, any error (connect, read, write, non-2xx status, timeout) or no summary. */
    PeerRound run(String url, int connections, Duration duration) throws IOException, InterruptedException {
        List<String> command = command(url, connections, duration);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + String.join(" ", command));
        }
        Matcher m = SUMMARY.matcher(out);
        if (p.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("wrk failed (exit " + p.exitValue() + "): " + String.join(" ", command) + "\n" + out);
        }
        long errors = Long.parseLong(m.group(5));
        if (errors > 0) {
            throw new IllegalStateException("wrk saw " + errors + " errors: " + String.join(" ", command) + "\n" + out);
        }
        double seconds = Long.parseLong(m.group(4)) / 1e6;
        return new PeerRound(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)) / seconds);
    }
}
