package io.wirebench.e2e.orders;

import io.wirebench.schemas.service.ChargeReply;
import io.wirebench.schemas.service.ChargeRequest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The payment processor: charges an order's total once per order id (the idempotency key: a repeated
 * charge returns the first one and moves no money) and declines attempts that the {@link FailureInjection}
 * picks, as a processor declines a transient error. A void takes an order's charge back and blocks any
 * later charge for it (one atomic entry per order, no global lock). Counts what it did, so a run can prove
 * no order was charged twice.
 */
public final class PaymentLedger {
    /** The entry of an order whose payment was voided. */
    private static final String VOID = "void";

    /** Per order: its charge id, or {@link #VOID}. */
    private final ConcurrentMap<String, String> charges = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> amounts = new ConcurrentHashMap<>();
    private final FailureInjection failures;
    private final LongAdder charged = new LongAdder();
    private final LongAdder declined = new LongAdder();
    private final LongAdder repeated = new LongAdder();
    private final LongAdder undone = new LongAdder();
    private final LongAdder chargedMinor = new LongAdder();

    public PaymentLedger(FailureInjection failures) {
        this.failures = failures;
    }

    public ChargeReply charge(ChargeRequest request) {
        String existing = charges.get(request.orderId());
        if (existing == null && failures.fails(request.orderId(), request.attempt())) {
            declined.increment();
            return new ChargeReply(request.orderId(), false, null, "processor unavailable (injected)");
        }
        String chargeId = "ch_" + request.orderId().substring(4) + "_" + request.attempt();
        if (existing == null) {
            amounts.put(request.orderId(), request.amountMinor());
            existing = charges.putIfAbsent(request.orderId(), chargeId);
            if (existing == null) {
                charged.increment();
                chargedMinor.add(request.amountMinor());
                return new ChargeReply(request.orderId(), true, chargeId, null);
            }
        }
        if (VOID.equals(existing)) {
            declined.increment();
            return new ChargeReply(request.orderId(), false, null, "payment voided");
        }
        repeated.increment();
        return new ChargeReply(request.orderId(), true, existing, null);
    }

    /**
     * Voids an order's payment: takes back its charge if there is one (true), and from now on declines every
     * charge for it, so a charge request still in flight cannot land after the gateway gave up. Idempotent.
     */
    public boolean voidPayment(String orderId) {
        String previous = charges.put(orderId, VOID);
        if (previous == null || VOID.equals(previous)) {
            return false;
        }
        charged.decrement();
        chargedMinor.add(-amounts.getOrDefault(orderId, 0L));
        undone.increment();
        return true;
    }

    /** Orders charged (each exactly once), voided ones not counted. */
    public long charged() {
        return charged.sum();
    }

    public boolean isCharged(String orderId) {
        String entry = charges.get(orderId);
        return entry != null && !VOID.equals(entry);
    }

    public long declined() {
        return declined.sum();
    }

    /** Charge requests for an order already charged (answered with the first charge, no money moved). */
    public long repeated() {
        return repeated.sum();
    }

    /** Charges taken back by a void. */
    public long undone() {
        return undone.sum();
    }

    public long chargedMinor() {
        return chargedMinor.sum();
    }

    /** Forgets every charge (between benchmark iterations, after their accounting was checked). */
    public void clear() {
        charges.clear();
        amounts.clear();
        charged.reset();
        declined.reset();
        repeated.reset();
        undone.reset();
        chargedMinor.reset();
    }
}
