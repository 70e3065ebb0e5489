package io.wirebench.e2e;

import io.wirebench.bench.Cursor;
import io.wirebench.e2e.orders.OrderBooks;
import io.wirebench.e2e.orders.OrderClient;
import io.wirebench.e2e.orders.OrderIds;
import io.wirebench.e2e.orders.OrderPipeline;
import io.wirebench.e2e.orders.OrderPipelineSettings;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.Transport;
import io.wirebench.transport.placement.SplitService;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The order pipeline under a benchmark: its four services on one transport's service side (started with
 * the transport's own server), one shared caller client, 16 pre-generated orders per shape that each
 * request sends under a fresh id (the payment service charges an id once). Before timing, one order of
 * each kind goes through and its outcome is checked; after each iteration, the payment ledger is
 * checked against the gateway's outcomes (every accepted order charged exactly once, nothing else
 * charged), and a mismatch fails the run.
 *
 * <p>Inside the timed region (its subclasses' methods): one order's whole trip, the caller encoding it, the
 * gateway and its three service calls over the transport, the caller decoding and checking the outcome.
 * Outside: starting the transport's server and the services, generating the orders, the check before timing,
 * and the ledger and books checks after each iteration.
 */
public abstract class AbstractOrderBenchmark extends AbstractE2eBenchmark {
    static final int ORDERS = 16;

    @Param({"nats", "http", "redis", "rabbitmq", "grpc"})
    public String transport;

    @Param({"small", "medium", "large"})
    public String shape;

    @Param({"json"})
    public String codec;

    /**
     * Where the pipeline runs: {@code colocated}, its four services in this JVM beside the callers; {@code split}, in a
     * process of its own ({@code ServeScenarios}) on CPUs of its own, the callers pinned to the others, its books read
     * over its {@code order-books} endpoint. The per-stage breakdown is timed inside the services, so a benchmark that
     * reports it runs colocated only.
     */
    @Param({"colocated"})
    public String placement;

    Transport impl;
    /** The pipeline in this JVM; null with placement=split, where it runs in {@link #split}'s process. */
    OrderPipeline pipeline;
    private SplitService split;
    RpcClient client;
    OrderClient caller;
    Codec codecImpl;
    Order[] orders;
    final OrderIds ids = new OrderIds(System.currentTimeMillis() / 1000);
    /** Times every stage for the methods that report the breakdown; off (nothing timed) for the others. */
    StageClock stages;

    /** Whether the benchmark method (full name) reports the per-stage breakdown, so its requests are timed stage by stage. */
    protected abstract boolean reportsBreakdown(String method);

    /** The share of charge attempts the payment service declines. */
    protected abstract double paymentFailureRate();

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        stages = reportsBreakdown(params.getBenchmark()) ? new StageClock() : StageClock.OFF;
        codecImpl = Codecs.byName(codec);
        orders = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).orders(Shape.byName(shape), ORDERS).toArray(new Order[0]);
        switch (placement) {
            case "colocated" -> {
                impl = ScenarioTrial.start(transport);
                pipeline = new OrderPipeline(impl, codecImpl, OrderPipelineSettings.defaults().withFailureRate(paymentFailureRate()), stages);
            }
            case "split" -> {
                if (stages != StageClock.OFF) {
                    throw new IllegalArgumentException(params.getBenchmark() + ": placement=split times no stages (they run in the services'"
                            + " process); the per-stage breakdown runs colocated, OrderPipelineBenchmark.latency runs split");
                }
                split = ScenarioTrial.split(transport, codec, paymentFailureRate());
                impl = ScenarioTrial.start(transport, split.url());
                pipeline = null;
            }
            default -> throw new IllegalArgumentException("unknown placement '" + placement + "'; valid: colocated, split");
        }
        client = impl.newClient();
        StageCounters.CLOCK.publish(stages);
        caller = new OrderClient(client, codecImpl, stages);
        for (Order order : orders) {
            OrderOutcome outcome = caller.submit(order.withId(ids.next()));
            boolean expected = outcome.status() == OrderStatus.ACCEPTED
                    || (paymentFailureRate() > 0 && outcome.status() == OrderStatus.PAYMENT_FAILED);
            if (!expected) {
                throw new IllegalStateException(transport + ": unexpected outcome " + outcome + "; no number is measured");
            }
        }
    }

    @Setup(Level.Iteration)
    public void clearAccounts() {
        if (pipeline != null) {
            OrderBooks.clear(pipeline.gateway(), pipeline.ledger(), pipeline.inventory());
        } else {
            OrderBooks.clear(client);
        }
        stages.reset();
    }

    /** Every accepted order charged exactly once, no other charge; the inventory holds and the ledger charged the accepted orders' items and totals. */
    @TearDown(Level.Iteration)
    public void checkAccounts() {
        OrderBooks books = pipeline != null ? OrderBooks.of(pipeline.gateway(), pipeline.ledger(), pipeline.inventory()) : OrderBooks.read(client);
        String problem = books.problem();
        if (problem != null) {
            throw new IllegalStateException(transport + ": " + problem + "; the run's numbers cannot be trusted");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            ScenarioTrial.stop(client, pipeline, impl);
        } finally {
            if (split != null) {
                split.close();
            }
        }
    }

    /** The next of the pre-generated orders at the caller's position, with an order id of its own. */
    Order nextOrder(Cursor cursor) {
        return orders[cursor.next(ORDERS)].withId(ids.next());
    }
}
