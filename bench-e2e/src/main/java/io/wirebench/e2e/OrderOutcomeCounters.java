package io.wirebench.e2e;

import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-caller counts of how orders ended, which JMH reports as rates (per second) beside the primary
 * score: {@code goodput} (accepted), {@code paymentFailed}, {@code rejected}, {@code outOfStock}, and
 * {@code retries} (charge attempts after the first). JMH resets the fields at each iteration.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class OrderOutcomeCounters {
    public long goodput;
    public long paymentFailed;
    public long rejected;
    public long outOfStock;
    public long paymentUnknown;
    public long retries;

    OrderOutcome count(OrderOutcome outcome) {
        switch (outcome.status()) {
            case ACCEPTED -> goodput++;
            case PAYMENT_FAILED -> paymentFailed++;
            case REJECTED -> rejected++;
            case OUT_OF_STOCK -> outOfStock++;
            case PAYMENT_UNKNOWN -> paymentUnknown++;
            default -> throw new IllegalStateException("unknown status " + outcome.status());
        }
        if (outcome.status() == OrderStatus.ACCEPTED || outcome.status() == OrderStatus.PAYMENT_FAILED) {
            retries += Math.max(0, outcome.paymentAttempts() - 1);
        }
        return outcome;
    }
}
