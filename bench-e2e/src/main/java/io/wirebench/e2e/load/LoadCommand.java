package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.OrderReceiptHandler;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/load}: a fixed-rate run of a scenario over a transport, configured by
 * {@code config/test-config.yaml} (command-line values override it), with a status line every second,
 * a summary at the end and a JSON result. Exit code 0: within the error budget; 1: over it; 2: bad
 * configuration or arguments.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Drive a scenario over a transport at a fixed arrival rate (open loop).")
public final class LoadCommand implements Callable<Integer> {
    private static final int ORDERS = 64;

    @Option(names = "--config", required = true, description = "the load configuration, e.g. config/test-config.yaml")
    Path config;

    @Option(names = "--scenario", defaultValue = "orders", description = "orders (the seed's scenarios arrive with issue 6)")
    String scenario;

    @Option(names = "--transport", defaultValue = "nats", description = "nats, nats-cluster, http, http-jdk, redis, rabbitmq")
    String transport;

    @Option(names = "--duration", description = "overrides load_test.duration_seconds, e.g. 30s or 2m")
    String duration;

    @Option(names = "--rate", description = "overrides the scenario's rate (requests/s)")
    Double rate;

    @Option(names = "--users", description = "overrides load_test.users (requests in flight at most)")
    Integer users;

    @Option(names = "--out", description = "folder for the JSON result (default: results/load-<UTC time>)")
    Path out;

    @Override
    public Integer call() throws Exception {
        LoadConfig settings = LoadConfig.read(config);
        if (!"orders".equals(scenario)) {
            throw new IllegalArgumentException("unknown scenario '" + scenario + "'; available: orders");
        }
        LoadConfig.Orders orders = settings.scenarios().orders();
        double seconds = duration == null ? settings.loadTest().durationSeconds() : parseSeconds(duration);
        Duration timeout = Duration.ofMillis(settings.loadTest().requestTimeoutMs());
        LoadPlan plan = new LoadPlan(rate == null ? orders.rate() : rate, Duration.ofMillis((long) (seconds * 1000)),
                users == null ? settings.loadTest().users() : users, timeout);

        Codec codec = Codecs.byName(orders.codec());
        List<Order> generated = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).orders(Shape.byName(orders.shape()), ORDERS);
        byte[][] requests = generated.stream().map(codec::encode).toArray(byte[][]::new);
        try (Transport impl = Transports.byName(transport, new TransportSettings(timeout, TransportSettings.DEFAULT_RESPONDERS, null));
             RpcServer server = impl.newServer();
             RpcClient client = impl.newClient()) {
            server.register("orders", new OrderReceiptHandler(codec));
            for (int i = 0; i < ORDERS; i++) {
                OrderReceipt receipt = codec.decode(client.request("orders", requests[i]), OrderReceipt.class);
                if (!receipt.matches(generated.get(i))) {
                    throw new IllegalStateException(transport + ": wrong reply before the run: " + receipt);
                }
            }
            System.out.printf("load: %s over %s, %.0f requests/s for %.0f s, at most %d in flight, %s orders, %s%n",
                    scenario, transport, plan.ratePerSecond(), seconds, plan.maxInFlight(), orders.shape(), orders.codec());
            LoadResult result = new OpenLoopRunner(client, "orders", i -> requests[(int) (i % ORDERS)],
                    (i, reply) -> codec.decode(reply, OrderReceipt.class).matches(generated.get((int) (i % ORDERS))),
                    System.out::println).run(plan);

            Map<String, String> context = new LinkedHashMap<>();
            context.put("scenario", scenario);
            context.put("transport", transport);
            context.put("config", config.toString());
            context.put("date", Instant.now().toString());
            context.put("java", Runtime.version().toString());
            context.putAll(prefixed(impl.describe()));
            ObjectNode json = LoadResultJson.toJson(result, context, settings.loadTest().errorBudget());
            Path folder = out != null ? out : Path.of("results", "load-" + Instant.now().toString().replace(":", ""));
            Files.createDirectories(folder);
            Path file = folder.resolve("load-" + scenario + "-" + transport + ".json");
            LoadResultJson.write(json, file);
            System.out.print(summary(result));
            System.out.println("status: " + json.get("status").asText()
                    + (json.has("reason") ? " (" + json.get("reason").asText() + ")" : ""));
            System.out.println("result: " + file);
            return "passed".equals(json.get("status").asText()) ? 0 : 1;
        }
    }

    static double parseSeconds(String text) {
        String t = text.strip().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Double.parseDouble(t.substring(0, t.length() - 2)) / 1000;
            }
            if (t.endsWith("m")) {
                return Double.parseDouble(t.substring(0, t.length() - 1)) * 60;
            }
            if (t.endsWith("s")) {
                return Double.parseDouble(t.substring(0, t.length() - 1));
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--duration: '" + text + "' is not a duration such as 30s, 2m or 500ms");
        }
    }

    static String summary(LoadResult r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%n%-22s %d scheduled, %d succeeded, %d failed %s%n", "requests", r.scheduled(), r.succeeded(),
                r.failed(), r.failures()));
        s.append(String.format("%-22s %.1f requests/s over %.1f s (sender lagged its schedule by up to %.0f ms)%n",
                "achieved", r.achievedRatePerSecond(), r.elapsedSeconds(), r.maxSendLagMillis()));
        s.append(String.format("%-22s %10s %10s %10s %10s%n", "latency (us)", "p50", "p99", "p99.9", "max"));
        s.append(row("corrected", r.corrected()));
        s.append(row("uncorrected", r.uncorrected()));
        return s.toString();
    }

    private static String row(String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            return String.format("%-22s %10s%n", name, "no successes");
        }
        return String.format("%-22s %10.0f %10.0f %10.0f %10.0f%n", name, h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    private static Map<String, String> prefixed(Map<String, String> describe) {
        Map<String, String> out = new LinkedHashMap<>();
        describe.forEach((k, v) -> out.put("transport." + k, v));
        return out;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new LoadCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("load: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
