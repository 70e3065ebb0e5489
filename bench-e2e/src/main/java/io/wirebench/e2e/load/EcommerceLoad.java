package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.e2e.orders.OrderGateway;
import io.wirebench.e2e.orders.OrderIds;
import io.wirebench.e2e.orders.OrderPipeline;
import io.wirebench.e2e.orders.OrderPipelineSettings;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.Transport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The e-commerce scenario under load: each operation is a fresh order (one of 64 pre-generated, under a
 * new id) sent to the pipeline's gateway. An ACCEPTED order is a success; PAYMENT_FAILED (every charge
 * attempt declined) is counted as DECLINED; anything else, or another order's outcome, is a wrong reply.
 * The books: every accepted order charged exactly once, no charge without an accepted order.
 */
public final class EcommerceLoad implements LoadScenario {
    private static final int ORDERS = 64;

    private final LoadConfig.Ecommerce config;
    private final OrderPipeline pipeline;
    private final RpcClient client;
    private final Codec codec;
    private final Order[] orders;
    private final OrderIds ids = new OrderIds(System.currentTimeMillis() / 1000);
    /** Orders whose caller got no answer (timeout, transport error): their fate is looked up in the ledger. */
    private final java.util.Set<String> unanswered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.LongAdder sent = new java.util.concurrent.atomic.LongAdder();
    private final ServiceDelays delays = new ServiceDelays();

    public EcommerceLoad(LoadConfig.Ecommerce config, Transport transport, Codec codec) {
        this.config = config;
        this.codec = codec;
        this.orders = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).orders(Shape.byName(config.shape()), ORDERS).toArray(new Order[0]);
        OrderPipelineSettings settings = OrderPipelineSettings.defaults().withFailureRate(config.errorRate())
                .withValidation(config.complexValidation());
        this.pipeline = new OrderPipeline(transport, codec, settings, StageClock.OFF, delays);
        this.client = transport.newClient();
        for (int i = 0; i < ORDERS; i++) {
            try {
                operation().start(i).join();
            } catch (java.util.concurrent.CompletionException e) {
                if (!(e.getCause() instanceof LoadFailure f && f.kind() == FailureKind.DECLINED)) {
                    close();
                    throw new IllegalStateException("ecommerce: order " + i + " before the run: " + e.getCause().getMessage()
                            + "; nothing is measured", e.getCause());
                }
            }
        }
        pipeline.ledger().clear();
        pipeline.inventory().forgetOrders();
        pipeline.gateway().resetCounts();
        unanswered.clear();
        sent.reset();
    }

    @Override
    public String name() {
        return "ecommerce";
    }

    @Override
    public double configuredRate() {
        return config.orderRate();
    }

    @Override
    public String unit() {
        return config.shape() + " orders";
    }

    @Override
    public LoadOperation operation() {
        return index -> {
            Order order = orders[(int) (index % ORDERS)].withId(ids.next());
            sent.increment();
            return client.requestAsync(OrderGateway.ENDPOINT, codec.encode(order)).whenComplete((reply, failure) -> {
                if (failure != null) {
                    unanswered.add(order.id());
                }
            }).thenApply(reply -> {
                OrderOutcome outcome = codec.decode(reply, OrderOutcome.class);
                if (!order.id().equals(outcome.orderId())) {
                    throw new LoadFailure(FailureKind.WRONG_REPLY, "outcome " + outcome.orderId() + " for order " + order.id());
                }
                if (outcome.status() == OrderStatus.PAYMENT_UNKNOWN) {
                    unanswered.add(order.id()); // its fate is in the ledger, as for an order whose answer was lost
                    throw new LoadFailure(FailureKind.TRANSPORT, order.id() + ": " + outcome.violations());
                }
                if (outcome.status() == OrderStatus.PAYMENT_FAILED) {
                    throw new LoadFailure(FailureKind.DECLINED, order.id() + ": " + outcome.violations());
                }
                if (outcome.status() != OrderStatus.ACCEPTED) {
                    throw new LoadFailure(FailureKind.WRONG_REPLY, "valid order " + order.id() + " ended " + outcome.status());
                }
                return outcome;
            });
        };
    }

    @Override
    public Map<String, Object> accounting() {
        Map<String, Object> books = new LinkedHashMap<>();
        // orders whose callers gave up may still be in the gateway: every service call there is bounded by the
        // transport's timeout, a charge is tried a few times, so a minute is ample; the books are read after
        books.put("gatewayIdle", pipeline.gateway().awaitIdle(java.time.Duration.ofSeconds(60)));
        for (OrderStatus status : OrderStatus.values()) {
            books.put(status.name().toLowerCase(java.util.Locale.ROOT), pipeline.gateway().count(status));
        }
        books.put("chargeRetries", pipeline.gateway().retries());
        books.put("chargesDeclined", pipeline.ledger().declined());
        books.put("charged", pipeline.ledger().charged());
        books.put("repeatedCharges", pipeline.ledger().repeated());
        books.put("chargesVoided", pipeline.ledger().undone());
        books.put("paymentFailureRate", config.errorRate());
        books.put("complexValidation", config.complexValidation());
        long accepted = pipeline.gateway().count(OrderStatus.ACCEPTED);
        long unansweredCharged = unanswered.stream().filter(pipeline.ledger()::isCharged).count();
        books.put("sent", sent.sum());
        books.put("unanswered", unanswered.size());
        books.put("unansweredButCharged", unansweredCharged);
        // every order charged at most once (the ledger's idempotency key); every charge belongs to an order
        // the gateway accepted, or to one whose answer was lost (the caller saw a timeout or transport error)
        boolean balanced = pipeline.ledger().charged() <= accepted + unansweredCharged
                && pipeline.ledger().charged() >= accepted;
        // stock: the inventory holds exactly the items of the accepted orders and of those whose payment ended
        // unknown (they keep theirs); money: the ledger charged at least the accepted orders' totals, and at most
        // those plus the unknown ones' (a void may not have been confirmed)
        OrderGateway gateway = pipeline.gateway();
        long held = pipeline.inventory().unitsHeld();
        long charged = pipeline.ledger().chargedMinor();
        boolean stock = held == gateway.acceptedUnits() + gateway.unknownUnits();
        boolean money = charged >= gateway.acceptedMinor() && charged <= gateway.acceptedMinor() + gateway.unknownMinor();
        books.put("unitsHeld", held);
        books.put("unitsAccepted", gateway.acceptedUnits());
        books.put("unitsPaymentUnknown", gateway.unknownUnits());
        books.put("inventoryRepeats", pipeline.inventory().repeats());
        books.put("droppedPastDeadline", pipeline.expiredRequests());
        books.put("chargedMinor", charged);
        books.put("acceptedMinor", gateway.acceptedMinor());
        books.put("paymentUnknownMinor", gateway.unknownMinor());
        books.put("stockBalances", stock);
        books.put("moneyBalances", money);
        books.put("booksBalance", balanced && stock && money);
        return books;
    }

    @Override
    public ServiceDelays delays() {
        return delays;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            pipeline.close();
        }
    }
}
