package io.wirebench.e2e.orders;

import io.wirebench.e2e.stage.Stage;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.model.InventoryReservation;
import io.wirebench.schemas.model.LineItem;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.ChargeReply;
import io.wirebench.schemas.service.ChargeRequest;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.schemas.service.StockReply;
import io.wirebench.schemas.service.StockRequest;
import io.wirebench.schemas.service.ValidationReport;
import io.wirebench.schemas.service.VoidReply;
import io.wirebench.schemas.service.VoidRequest;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway of the order pipeline: receives an {@link Order}, has the order service validate it, the
 * inventory service reserve its lines and the payment service charge its total (retrying a declined or
 * unanswered charge under its {@link RetryPolicy}, with the order id as idempotency key), releases the
 * stock if payment finally fails (or a reserve went unanswered), and answers with the {@link OrderOutcome}. Each call to another
 * service goes over the transport through the gateway's own client. Counts every outcome.
 */
public final class OrderGateway implements RpcHandler {
    public static final String ENDPOINT = "gateway.orders";
    static final String WAREHOUSE = "wh-1";

    private final Codec codec;
    private final RpcClient services;
    private final RetryPolicy retry;
    private final StageClock clock;
    private final LongAdder[] outcomes = new LongAdder[OrderStatus.values().length];
    private final LongAdder retries = new LongAdder();
    private final LongAdder inProgress = new LongAdder();
    private final LongAdder acceptedUnits = new LongAdder();
    private final LongAdder acceptedMinor = new LongAdder();
    private final LongAdder unknownUnits = new LongAdder();
    private final LongAdder unknownMinor = new LongAdder();
    private final LongAdder unreleasedUnits = new LongAdder();

    public OrderGateway(Codec codec, RpcClient services, RetryPolicy retry, StageClock clock) {
        this.codec = codec;
        this.services = services;
        this.retry = retry;
        this.clock = clock;
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = new LongAdder();
        }
    }

    @Override
    public byte[] handle(byte[] request) {
        Order order = codec.decode(request, Order.class);
        inProgress.increment();
        OrderOutcome outcome;
        try {
            outcome = process(order, request);
        } finally {
            inProgress.decrement();
        }
        outcomes[outcome.status().ordinal()].increment();
        if (outcome.status() == OrderStatus.ACCEPTED) {
            acceptedUnits.add(units(order));
            acceptedMinor.add(order.totalMinor());
        } else if (outcome.status() == OrderStatus.PAYMENT_UNKNOWN) {
            unknownUnits.add(units(order));
            unknownMinor.add(order.totalMinor());
        }
        return codec.encode(outcome);
    }

    private static long units(Order order) {
        long units = 0;
        for (LineItem item : order.items()) {
            units += item.quantity();
        }
        return units;
    }

    private OrderOutcome process(Order order, byte[] encoded) {
        ValidationReport report = codec.decode(services.request(OrderValidationService.ENDPOINT, encoded), ValidationReport.class);
        if (!report.valid()) {
            return new OrderOutcome(order.id(), OrderStatus.REJECTED, 0, null, report.violations());
        }
        byte[] stock = codec.encode(new StockRequest(order.id(), lines(order)));
        StockReply reserved;
        try {
            reserved = codec.decode(services.request(InventoryService.RESERVE, stock), StockReply.class);
        } catch (RpcException e) {
            if (e.kind() != RpcException.Kind.REMOTE) {
                // no answer: the reserve may have taken the stock (its reply lost) or may still be queued; a release
                // puts back what it took, or, arriving first, leaves the late reserve nothing to take (Inventory)
                try {
                    release(order, stock);
                } catch (RpcException releaseFailed) {
                    e.addSuppressed(releaseFailed);
                }
            }
            throw e;
        }
        if (!reserved.reserved()) {
            return new OrderOutcome(order.id(), OrderStatus.OUT_OF_STOCK, 0, null, List.of("short of " + reserved.shortSku()));
        }
        RpcException lastError = null;
        boolean unanswered = false;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                retries.increment();
                long start = System.nanoTime();
                LockSupport.parkNanos(retry.backoffBefore(attempt).toNanos());
                clock.add(Stage.BACKOFF, System.nanoTime() - start);
            }
            ChargeRequest charge = new ChargeRequest(order.id(), order.totalMinor(), order.currency(), order.payment().token(), attempt);
            try {
                ChargeReply reply = codec.decode(services.request(PaymentService.ENDPOINT, codec.encode(charge)), ChargeReply.class);
                if (reply.charged()) {
                    return new OrderOutcome(order.id(), OrderStatus.ACCEPTED, attempt, reply.chargeId(), List.of());
                }
            } catch (RpcException e) {
                lastError = e;
                // an error reply from the service means it did not charge; no reply means it may have
                unanswered |= e.kind() != RpcException.Kind.REMOTE;
            }
        }
        if (unanswered) {
            // a charge may have gone through with its reply lost: void the payment, so it is taken back and no
            // charge still in flight can land later; if the void is not confirmed either, say so
            try {
                codec.decode(services.request(PaymentService.VOID, codec.encode(new VoidRequest(order.id()))), VoidReply.class);
            } catch (RpcException e) {
                return new OrderOutcome(order.id(), OrderStatus.PAYMENT_UNKNOWN, retry.maxAttempts(), null,
                        List.of("charge unanswered (" + lastError.getMessage() + "), void not confirmed: " + e.getMessage()));
            }
        }
        release(order, stock);
        String why = lastError == null ? "declined " + retry.maxAttempts() + " times" : "last attempt: " + lastError.getMessage();
        return new OrderOutcome(order.id(), OrderStatus.PAYMENT_FAILED, retry.maxAttempts(), null, List.of(why));
    }

    /**
     * Puts an order's stock back. A release left unanswered (the service or its broker down) may or may not have
     * happened: its units are counted as unconfirmed ({@link #unreleasedUnits}), so the books know what the inventory
     * may still hold, and the error goes on to the caller.
     */
    private void release(Order order, byte[] stock) {
        try {
            services.request(InventoryService.RELEASE, stock);
        } catch (RpcException e) {
            unreleasedUnits.add(units(order));
            throw e;
        }
    }

    static List<InventoryReservation> lines(Order order) {
        List<InventoryReservation> lines = new ArrayList<>(order.items().size());
        Instant expires = order.createdAt().plusSeconds(TimeUnit.MINUTES.toSeconds(15));
        for (LineItem item : order.items()) {
            lines.add(new InventoryReservation(order.id(), item.sku(), item.quantity(), WAREHOUSE, expires));
        }
        return lines;
    }

    public long count(OrderStatus status) {
        return outcomes[status.ordinal()].sum();
    }

    /** Charge attempts after the first. */
    public long retries() {
        return retries.sum();
    }

    public long answered() {
        long sum = 0;
        for (LongAdder adder : outcomes) {
            sum += adder.sum();
        }
        return sum;
    }

    /**
     * Waits until no order is being processed (those whose callers gave up may still be), at most {@code limit};
     * true if none is. A run's books are read after this, so an order still between its reserve and its
     * outcome is not taken for leaked stock.
     */
    public boolean awaitIdle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (inProgress.sum() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return true;
    }

    /** Items (units) of the orders accepted: the stock they hold. */
    public long acceptedUnits() {
        return acceptedUnits.sum();
    }

    /** Totals (minor units) of the orders accepted: the money they were charged. */
    public long acceptedMinor() {
        return acceptedMinor.sum();
    }

    /** Items of the orders whose payment ended unknown (charge unanswered, void unconfirmed): they keep their stock. */
    public long unknownUnits() {
        return unknownUnits.sum();
    }

    /** Totals of the orders whose payment ended unknown: charged or not, the ledger knows. */
    public long unknownMinor() {
        return unknownMinor.sum();
    }

    /** Items of the orders whose release went unconfirmed: the inventory may still hold them. */
    public long unreleasedUnits() {
        return unreleasedUnits.sum();
    }

    public void resetCounts() {
        for (LongAdder adder : outcomes) {
            adder.reset();
        }
        retries.reset();
        acceptedUnits.reset();
        acceptedMinor.reset();
        unknownUnits.reset();
        unknownMinor.reset();
        unreleasedUnits.reset();
    }
}
