package io.wirebench.transport;

import io.wirebench.bench.Cursor;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.placement.NetworkNamespace;
import io.wirebench.transport.placement.SplitService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Is NATS request-reply faster than HTTP/REST (and Redis- and RabbitMQ-backed RPC), by how much, at which
 * payload size and concurrency? A caller sends an encoded {@link Order} to the service endpoint
 * {@code orders} ({@link OrderReceiptHandler}: decode, answer with a receipt) over a real server the
 * transport starts for itself, and checks that the receipt is its order's.
 *
 * <ul>
 *   <li>{@code roundTrip}: one request in flight per thread, {@code sample} mode, so the JSON carries
 *       latency percentiles (µs). Run with {@code -t 1} for single-request latency.</li>
 *   <li>{@code throughput}: requests per second, with {@code -t 1, 4, 16} callers over one shared
 *       client ({@code connection=shared}) or one client each ({@code connection=per-thread}).</li>
 *   <li>{@code concurrent}: requests per second with {@code inFlight} requests kept outstanding by one
 *       caller thread (async API), the way {@code wrk -c16} keeps 16 connections busy from one event loop;
 *       run with {@code -t 1}. This is the figure set against each transport's floor
 *       ({@code scripts/bench peers}): 16 blocking JMH threads on 2 cores measure the threads' hand-offs
 *       as much as the transport.</li>
 *   <li>{@code pipelined}: each caller keeps {@value #IN_FLIGHT} requests in flight (async API);
 *       the score counts requests, not batches.</li>
 * </ul>
 *
 * <p>Inside the timed region: encoding nothing (requests are encoded once per trial), the transport
 * round trip, the service's decode and encode, the caller's decode of the receipt and its
 * constant-cost check. Outside: generating 16 orders, starting servers (with {@code placement=split}, the service's
 * own process), the full check of every reply
 * before timing. Every reply is checked; a wrong or missing reply (timeout: 5 s) fails the run.
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoundTripBenchmark {
    static final int MESSAGES = 16;
    static final int IN_FLIGHT = 16;
    static final String ENDPOINT = "orders";

    @Param({"nats", "nats-cluster", "http", "http-jdk", "http-apache", "redis", "rabbitmq", "grpc"})
    public String transport;

    @Param({"tiny", "small", "medium", "large", "huge"})
    public String shape;

    @Param({"json"})
    public String codec;

    /** {@code none}, {@code auth} or {@code tls} ({@link Security}): what credentials and TLS cost; nats-cluster runs with none only. */
    @Param({"none"})
    public String security;

    /** Threads running the service's handlers, the same on every transport (Jetty's pool, dispatchers, workers, channels). */
    @Param({"8"})
    public int responders;

    /**
     * Where the service runs: {@code colocated}, in this JVM beside the callers (on the transport's own server, or
     * the external one its address names); {@code split}, in a process of its own ({@code scripts/serve}, its
     * server's address given as for an external server, e.g. {@code -DnatsUrl=...}), so this JVM holds the callers
     * only. {@code scripts/bench --placement split} starts that process pinned to CPUs of its own. {@code split-netns}: the
     * same, with the service in a network namespace of its own behind a veth pair (a real network stack between the two,
     * as between hosts; root only), and so beyond loopback: it needs {@code security=auth} or {@code tls}.
     */
    @Param({"colocated"})
    public String placement;

    Transport impl;
    RpcClient shared;
    private RpcServer server;
    private SplitService split;
    Codec codecImpl;
    Order[] orders;
    byte[][] requests;

    @Setup(Level.Trial)
    public void start() {
        codecImpl = Codecs.byName(codec);
        List<Order> generated = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).orders(Shape.byName(shape), MESSAGES);
        orders = generated.toArray(new Order[0]);
        requests = new byte[MESSAGES][];
        for (int i = 0; i < MESSAGES; i++) {
            requests[i] = codecImpl.encode(orders[i]);
        }
        TransportSettings settings = TransportSettings.defaults().withSecurity(Security.byName(security)).withResponders(responders);
        switch (placement) {
            case "colocated" -> {
                impl = Transports.byName(transport, settings);
                server = impl.newServer();
                server.register(ENDPOINT, new OrderReceiptHandler(codecImpl));
            }
            case "split", "split-netns" -> {
                // the service is elsewhere: at the address given for it (another host, or scripts/serve), or in a process of
                // its own started here on CPUs of its own (split-netns: and behind a network namespace of its own)
                if (Transports.externalUrl(transport) == null) {
                    settings = startSplitService(settings);
                }
                impl = Transports.byName(transport, settings);
                server = null;
            }
            default -> throw new IllegalArgumentException("unknown placement '" + placement + "'; valid: colocated, split");
        }
        shared = impl.newClient();
        for (int i = 0; i < MESSAGES; i++) {
            OrderReceipt receipt = codecImpl.decode(shared.request(ENDPOINT, requests[i]), OrderReceipt.class);
            if (!receipt.equals(OrderReceipt.of(orders[i]))) {
                throw new IllegalStateException(transport + ": wrong reply to order #" + i + ": " + receipt
                        + "; no number is measured for it");
            }
        }
        for (Map.Entry<String, String> entry : impl.describe().entrySet()) {
            System.out.println("# wirebench " + entry.getKey() + ": " + entry.getValue());
        }
        TransportSidecar.write(impl);
    }

    /** Starts the service in a process of its own ({@link SplitService}), behind a network namespace for split-netns; its address in the settings. */
    private TransportSettings startSplitService(TransportSettings settings) {
        boolean netns = placement.equals("split-netns");
        if (!netns && !"none".equals(security)) {
            throw new IllegalArgumentException(transport + ": placement=split starts its service with security none; for auth or"
                    + " tls start it with scripts/serve --security ... and give its address: " + Transports.describeExternalAddress(transport));
        }
        if (netns && "none".equals(security)) {
            throw new IllegalArgumentException(transport + ": placement=split-netns puts the service beyond loopback (on a veth in a network"
                    + " namespace of its own), which only a secured service may: add -p security=auth (or tls)");
        }
        NetworkNamespace namespace = netns ? NetworkNamespace.create() : null;
        List<String> arguments = new ArrayList<>(List.of("--transport", transport, "--codec", codec, "--responders",
                Integer.toString(responders)));
        if (netns) {
            arguments.addAll(List.of("--security", security, "--bind", namespace.serviceAddress()));
        }
        split = SplitService.start(Serve.class, arguments, null, namespace);
        System.out.println("# wirebench placement: " + split.describe());
        TransportSettings toService = settings.withExternalUrl(split.url());
        return netns ? toService.withRemote(split.credentials()) : toService;
    }

    @TearDown(Level.Trial)
    public void stop() {
        shared.close();
        if (server != null) {
            server.close();
        }
        impl.close();
        if (split != null) {
            split.close();
        }
    }

    OrderReceipt check(byte[] reply, int i) {
        OrderReceipt receipt = codecImpl.decode(reply, OrderReceipt.class);
        if (!receipt.matches(orders[i])) {
            throw new IllegalStateException(transport + ": reply " + receipt + " is not for order " + orders[i].id());
        }
        return receipt;
    }

    /** A caller: its position in the orders and the client it uses. */
    @State(Scope.Thread)
    public static class Caller {
        @Param({"shared", "per-thread"})
        public String connection;

        RpcClient client;
        private boolean own;
        private final Cursor position = new Cursor();

        @Setup(Level.Trial)
        public void connect(RoundTripBenchmark bench) {
            switch (connection) {
                case "shared" -> client = bench.shared;
                case "per-thread" -> {
                    client = bench.impl.newClient();
                    own = true;
                }
                default -> throw new IllegalArgumentException("unknown connection '" + connection + "'; valid: shared, per-thread");
            }
        }

        @TearDown(Level.Trial)
        public void disconnect() {
            if (own) {
                client.close();
            }
        }

        int next() {
            return position.next(MESSAGES);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public OrderReceipt roundTrip(Cursor cursor) {
        int i = cursor.next(MESSAGES);
        return check(shared.request(ENDPOINT, requests[i]), i);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public OrderReceipt throughput(Caller caller) {
        int i = caller.next();
        return check(caller.client.request(ENDPOINT, requests[i]), i);
    }

    /**
     * A window of {@code inFlight} requests kept outstanding by one caller thread over the async API, as
     * {@code wrk -c<inFlight>} keeps one request in flight per connection: each invocation takes one
     * completed reply, checks it, and sends the next request in its place. Filled before each iteration and
     * drained (every reply checked, bounded by the timeout) after it, so none crosses an iteration's edge.
     */
    @State(Scope.Thread)
    public static class Window {
        @Param({"16"})
        public int inFlight;

        /** A completed request: which order it carried, and its reply or failure. */
        record Done(int index, byte[] reply, Throwable failure) {
        }

        private BlockingQueue<Done> done;
        private final Cursor position = new Cursor();
        private int open;
        private RoundTripBenchmark bench;

        @Setup(Level.Iteration)
        public void fill(RoundTripBenchmark bench) {
            this.bench = bench;
            done = new ArrayBlockingQueue<>(inFlight);
            for (int k = 0; k < inFlight; k++) {
                send();
            }
        }

        void send() {
            int i = position.next(MESSAGES);
            open++;
            bench.shared.requestAsync(ENDPOINT, bench.requests[i]).whenComplete((reply, failure) -> done.offer(new Done(i, reply, failure)));
        }

        OrderReceipt receive() throws InterruptedException {
            Done d = done.poll(TransportSettings.DEFAULT_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            if (d == null) {
                throw new IllegalStateException(bench.transport + ": none of " + open + " requests in flight answered within "
                        + (TransportSettings.DEFAULT_TIMEOUT.toMillis() + 1_000) + " ms");
            }
            open--;
            if (d.failure() != null) {
                throw new IllegalStateException(bench.transport + ": request for order #" + d.index() + " failed: " + d.failure(), d.failure());
            }
            return bench.check(d.reply(), d.index());
        }

        @TearDown(Level.Iteration)
        public void drain() throws InterruptedException {
            while (open > 0) {
                receive();
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public OrderReceipt concurrent(Window window) throws InterruptedException {
        OrderReceipt receipt = window.receive();
        window.send();
        return receipt;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(IN_FLIGHT)
    public OrderReceipt pipelined(Caller caller) {
        @SuppressWarnings("unchecked")
        CompletableFuture<byte[]>[] replies = new CompletableFuture[IN_FLIGHT];
        int[] sent = new int[IN_FLIGHT];
        for (int k = 0; k < IN_FLIGHT; k++) {
            sent[k] = caller.next();
            replies[k] = caller.client.requestAsync(ENDPOINT, requests[sent[k]]);
        }
        OrderReceipt last = null;
        for (int k = 0; k < IN_FLIGHT; k++) {
            last = check(Futures.await(replies[k], TransportSettings.DEFAULT_TIMEOUT, transport), sent[k]);
        }
        return last;
    }
}
