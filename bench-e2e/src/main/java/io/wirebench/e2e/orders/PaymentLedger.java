package io.wirebench.e2e.orders;

import io.wirebench.schemas.service.ChargeReply;
import io.wirebench.schemas.service.ChargeRequest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The payment processor: charges an order's total once per order id (the idempotency key: a repeated
 * charge returns the first one and moves no money) and declines attempts that the {@link FailureInjection}
 * picks, as a processor declines a transient error. Counts what it did, so a run can prove no order was
 * charged twice.
 */
public final class PaymentLedger {
    private final ConcurrentMap<String, String> charges = new ConcurrentHashMap<>();
    private final FailureInjection failures;
    private final LongAdder declined = new LongAdder();
    private final LongAdder repeated = new LongAdder();
    private final LongAdder chargedMinor = new LongAdder();

    public PaymentLedger(FailureInjection failures) {
        this.failures = failures;
    }

    public ChargeReply charge(ChargeRequest request) {
        String existing = charges.get(request.orderId());
        if (existing != null) {
            repeated.increment();
            return new ChargeReply(request.orderId(), true, existing, null);
        }
        if (failures.fails(request.orderId(), request.attempt())) {
            declined.increment();
            return new ChargeReply(request.orderId(), false, null, "processor unavailable (injected)");
        }
        String chargeId = "ch_" + request.orderId().substring(4) + "_" + request.attempt();
        String winner = charges.putIfAbsent(request.orderId(), chargeId);
        if (winner != null) {
            repeated.increment();
            return new ChargeReply(request.orderId(), true, winner, null);
        }
        chargedMinor.add(request.amountMinor());
        return new ChargeReply(request.orderId(), true, chargeId, null);
    }

    /** Orders charged (each exactly once). */
    public long charged() {
        return charges.size();
    }

    public boolean isCharged(String orderId) {
        return charges.containsKey(orderId);
    }

    public long declined() {
        return declined.sum();
    }

    /** Charge requests for an order already charged (answered with the first charge, no money moved). */
    public long repeated() {
        return repeated.sum();
    }

    public long chargedMinor() {
        return chargedMinor.sum();
    }

    /** Forgets every charge (between benchmark iterations, after their accounting was checked). */
    public void clear() {
        charges.clear();
        declined.reset();
        repeated.reset();
        chargedMinor.reset();
    }
}
