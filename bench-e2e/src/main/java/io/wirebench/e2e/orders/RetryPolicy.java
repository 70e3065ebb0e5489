package io.wirebench.e2e.orders;

import io.wirebench.schemas.model.Rules;
import java.time.Duration;

/**
 * How the gateway retries a declined or unanswered charge: at most {@code maxAttempts} attempts, waiting
 * {@code initialBackoff} before the second and twice as long before each next one, capped at
 * {@code maxBackoff}. No jitter, so runs repeat; the waits are a stage of the breakdown (BACKOFF).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Three attempts, 1 ms then 2 ms apart. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(50));

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > Rules.MAX_PAYMENT_RETRIES) {
            throw new IllegalArgumentException("max attempts must be within 1.." + Rules.MAX_PAYMENT_RETRIES
                    + ", was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initial backoff <= max backoff, was " + initialBackoff + " / " + maxBackoff);
        }
    }

    /** The wait before attempt {@code attempt} (2, 3, ...). */
    public Duration backoffBefore(int attempt) {
        long nanos = initialBackoff.toNanos();
        for (int i = 2; i < attempt && nanos < maxBackoff.toNanos(); i++) {
            nanos *= 2;
        }
        return Duration.ofNanos(Math.min(nanos, maxBackoff.toNanos()));
    }
}
