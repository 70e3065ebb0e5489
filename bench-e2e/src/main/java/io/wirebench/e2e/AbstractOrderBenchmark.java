package io.wirebench.e2e;

import io.wirebench.bench.Cursor;
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

    Transport impl;
    OrderPipeline pipeline;
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
        impl = ScenarioTrial.start(transport);
        pipeline = new OrderPipeline(impl, codecImpl, OrderPipelineSettings.defaults().withFailureRate(paymentFailureRate()), stages);
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
        pipeline.ledger().clear();
        pipeline.inventory().forgetOrders();
        pipeline.gateway().resetCounts();
        stages.reset();
    }

    @TearDown(Level.Iteration)
    public void checkAccounts() {
        long accepted = pipeline.gateway().count(OrderStatus.ACCEPTED);
        if (pipeline.ledger().charged() != accepted || pipeline.ledger().repeated() != 0) {
            throw new IllegalStateException(transport + ": " + accepted + " orders accepted but " + pipeline.ledger().charged()
                    + " charged (" + pipeline.ledger().repeated() + " repeated charges); the run's numbers cannot be trusted");
        }
        // stock and money: what the inventory holds and the ledger charged are the accepted orders' items and totals
        if (pipeline.inventory().unitsHeld() != pipeline.gateway().acceptedUnits()
                || pipeline.ledger().chargedMinor() != pipeline.gateway().acceptedMinor()) {
            throw new IllegalStateException(transport + ": the inventory holds " + pipeline.inventory().unitsHeld() + " units and the ledger charged "
                    + pipeline.ledger().chargedMinor() + " (minor units) for accepted orders of " + pipeline.gateway().acceptedUnits()
                    + " units and " + pipeline.gateway().acceptedMinor() + "; the run's numbers cannot be trusted");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        ScenarioTrial.stop(client, pipeline, impl);
    }

    /** The next of the pre-generated orders at the caller's position, with an order id of its own. */
    Order nextOrder(Cursor cursor) {
        return orders[cursor.next(ORDERS)].withId(ids.next());
    }
}
