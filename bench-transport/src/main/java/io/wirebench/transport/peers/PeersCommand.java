package io.wirebench.transport.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.HttpTransport;
import io.wirebench.transport.OrderReceiptHandler;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.server.ManagedNatsServer;
import io.wirebench.transport.server.ManagedRabbitMqServer;
import io.wirebench.transport.server.ManagedRedisServer;
import io.wirebench.transport.server.ManagedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench peers}' floor stage: every transport's own tools on this machine, in the same run as
 * the suite's figures, into {@code peers.json}. HTTP: {@code wrk} against the suite's own Jetty service;
 * NATS, Redis, RabbitMQ: a bare client loop ({@link BareLoop}) against the same managed server the suite
 * starts, with the same {@code orders} handler on the same number of responders; Redis also
 * {@code redis-benchmark}. Each figure: a warm-up, then rounds (median and range). Given an existing file,
 * the new pass is added to it, so floors measured before and after the suite's runs bracket them.
 */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = "Measure each transport's floor with its native tools into peers.json.")
public final class PeersCommand implements Callable<Integer> {
    static final String FORMAT = "wirebench-peers-1";
    static final List<String> TRANSPORTS = List.of("nats", "http", "redis", "rabbitmq", "grpc");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "peers.json to write (a pass is added if it exists)")
    Path out;

    @Option(names = "--transports", split = ",", defaultValue = "nats,http,redis,rabbitmq", description = "of: nats, http, redis, rabbitmq, grpc (default: ${DEFAULT-VALUE})")
    List<String> transports;

    @Option(names = "--shapes", split = ",", defaultValue = "tiny,small", description = "order shapes")
    List<String> shapes;

    @Option(names = "--callers", split = ",", defaultValue = "1,16", description = "concurrent callers (wrk connections)")
    List<Integer> callers;

    @Option(names = "--codec", defaultValue = "json", description = "the codec of the bodies and the handler")
    String codec;

    @Option(names = "--responders", defaultValue = "8", description = "the service side's handler threads, as the suite's")
    int responders;

    @Option(names = "--warmup", defaultValue = "3", description = "seconds of warm-up before each figure")
    int warmupSeconds;

    @Option(names = "--round", defaultValue = "2", description = "seconds per round")
    int roundSeconds;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds per figure")
    int rounds;

    @Override
    public Integer call() throws Exception {
        for (String t : transports) {
            if (!TRANSPORTS.contains(t)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--transports: unknown '" + t + "'; valid: " + String.join(", ", TRANSPORTS));
            }
        }
        Codec codecImpl = Codecs.byName(codec);
        ClosedLoop loop = new ClosedLoop(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(roundSeconds), rounds);
        List<PeerResult> results = new ArrayList<>();
        Path work = Files.createTempDirectory("wirebench-peers");
        try {
            OrderReceiptHandler handler = new OrderReceiptHandler(codecImpl);
            for (String transport : transports) {
                switch (transport) {
                    case "http" -> http(work, handler, codecImpl, results);
                    case "redis" -> redis(handler, codecImpl, loop, results);
                    case "nats" -> bare(new ManagedNatsServer(), server -> new NatsBareLoop(server.url(), handler, responders), codecImpl, loop, results);
                    case "rabbitmq" -> bare(new ManagedRabbitMqServer(), server -> new RabbitMqBareLoop(server.uri(), handler, responders),
                            codecImpl, loop, results);
                    case "grpc" -> {
                        try (BareLoop bare = new GrpcBareLoop(handler, responders)) {
                            measureShapes(bare, codecImpl, loop, results);
                        }
                    }
                    default -> throw new IllegalStateException("no floor for " + transport);
                }
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        write(results);
        return 0;
    }

    private String loopCommand(String transport, String shape, int n) {
        return "scripts/bench peers: " + transport + " bare loop, shape=" + shape + ", " + n + " callers, " + responders + " responders, codec "
                + codec + ", " + warmupSeconds + " s warm-up, " + rounds + " x " + roundSeconds + " s";
    }

    /** The shape's 16 orders (the suite's seed and count) and their encoded requests. */
    private record Bodies(String shape, Order[] orders, byte[][] requests) {
        static Bodies of(String shape, Codec codec) {
            Order[] orders = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).orders(Shape.byName(shape), 16).toArray(new Order[0]);
            byte[][] requests = new byte[orders.length][];
            for (int i = 0; i < orders.length; i++) {
                requests[i] = codec.encode(orders[i]);
            }
            return new Bodies(shape, orders, requests);
        }
    }

    private void measureShapes(BareLoop bare, Codec codecImpl, ClosedLoop loop, List<PeerResult> results) throws Exception {
        for (String shape : shapes) {
            measure(bare, codecImpl, Bodies.of(shape, codecImpl), loop, results);
        }
    }

    private void measure(BareLoop bare, Codec codecImpl, Bodies bodies, ClosedLoop loop, List<PeerResult> results) throws Exception {
        try (BareLoop.Caller check = bare.newCaller()) {
            for (int i = 0; i < bodies.orders().length; i++) {
                checkReply(bare.transport(), codecImpl, check.call(bodies.requests()[i]), bodies.orders()[i]);
            }
        }
        for (int n : callers) {
            System.out.println("peers: " + bare.transport() + " " + bodies.shape() + " x" + n + " (" + bare.tool() + ")");
            results.add(new PeerResult(bare.transport(), bare.tool(), bare.version(), loopCommand(bare.transport(), bodies.shape(), n),
                    bodies.shape(), n, PeerResult.FLOOR, loop.run(bare, bodies.requests(), n)));
        }
    }

    private static void checkReply(String transport, Codec codecImpl, byte[] reply, Order order) {
        OrderReceipt receipt = codecImpl.decode(reply, OrderReceipt.class);
        if (!receipt.equals(OrderReceipt.of(order))) {
            throw new IllegalStateException(transport + ": wrong reply to order " + order.id() + ": " + receipt + "; no floor is measured");
        }
    }

    /** A loop that opens its bare clients and service against a server started for it. */
    @FunctionalInterface
    private interface LoopOpener<S extends ManagedServer> {
        BareLoop open(S server) throws Exception;
    }

    private <S extends ManagedServer> void bare(S server, LoopOpener<S> opener, Codec codecImpl, ClosedLoop loop, List<PeerResult> results)
            throws Exception {
        try (server) {
            server.start();
            try (BareLoop bare = opener.open(server)) {
                measureShapes(bare, codecImpl, loop, results);
            }
        }
    }

    /** One round of an external tool (wrk, redis-benchmark). */
    @FunctionalInterface
    private interface ToolRound {
        PeerRound run() throws Exception;
    }

    /** An external tool's figure: one run to warm the service up, then {@code rounds} measured. */
    private List<PeerRound> warmedRounds(ToolRound warmup, ToolRound round) throws Exception {
        warmup.run();
        List<PeerRound> measured = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            measured.add(round.run());
        }
        return measured;
    }

    private void redis(OrderReceiptHandler handler, Codec codecImpl, ClosedLoop loop, List<PeerResult> results) throws Exception {
        try (ManagedRedisServer server = new ManagedRedisServer()) {
            server.start();
            try (BareLoop bare = new RedisBareLoop("127.0.0.1", server.port(), handler, responders)) {
                measureShapes(bare, codecImpl, loop, results);
            }
            String version = RedisBenchmark.version();
            for (String shape : shapes) {
                int valueBytes = Bodies.of(shape, codecImpl).requests()[0].length;
                for (int n : callers) {
                    List<String> command = RedisBenchmark.command(server.port(), n, n == 1 ? 20_000 : 100_000, valueBytes);
                    System.out.println("peers: redis " + shape + " x" + n + " (redis-benchmark)");
                    List<PeerRound> measured = warmedRounds(() -> RedisBenchmark.run(command), () -> RedisBenchmark.run(command));
                    results.add(new PeerResult("redis", "redis-benchmark", version, String.join(" ", command), shape, n, PeerResult.REFERENCE, measured));
                }
            }
        }
    }

    private void http(Path work, OrderReceiptHandler handler, Codec codecImpl, List<PeerResult> results) throws Exception {
        TransportSettings settings = TransportSettings.defaults().withResponders(responders);
        String version = Wrk.version();
        try (HttpTransport transport = new HttpTransport(settings, HttpTransport.Client.JETTY); RpcServer server = transport.newServer()) {
            server.register("orders", handler);
            String url = transport.baseUrl() + "/rpc/orders";
            for (String shape : shapes) {
                Bodies bodies = Bodies.of(shape, codecImpl);
                try (var client = transport.newClient()) {
                    for (int i = 0; i < bodies.orders().length; i++) {
                        checkReply("http", codecImpl, client.request("orders", bodies.requests()[i]), bodies.orders()[i]);
                    }
                }
                Path folder = Files.createDirectories(work.resolve("wrk-" + shape));
                Wrk wrk = new Wrk(folder, bodies.requests());
                for (int n : callers) {
                    System.out.println("peers: http " + shape + " x" + n + " (wrk)");
                    List<PeerRound> measured = warmedRounds(() -> wrk.run(url, n, Duration.ofSeconds(Math.max(1, warmupSeconds))),
                            () -> wrk.run(url, n, Duration.ofSeconds(roundSeconds)));
                    String command = String.join(" ", wrk.command(url, n, Duration.ofSeconds(roundSeconds))).replace(folder.toString(), "<bodies>");
                    results.add(new PeerResult("http", "wrk", version, command + " (Jetty service, " + responders + " responders)", shape, n,
                            PeerResult.FLOOR, measured));
                }
            }
        }
    }

    private void write(List<PeerResult> results) throws java.io.IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root;
        if (Files.isRegularFile(out)) {
            root = (ObjectNode) mapper.readTree(out.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalStateException(out + ": not a " + FORMAT + " file; refusing to add to it");
            }
        } else {
            root = mapper.createObjectNode().put("format", FORMAT);
            root.putArray("passes");
        }
        ObjectNode pass = ((ArrayNode) root.get("passes")).addObject();
        pass.put("finished", Instant.now().toString());
        pass.set("results", mapper.valueToTree(results));
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        mapper.writeValue(tmp.toFile(), root);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("peers: " + out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new PeersCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("peers: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
