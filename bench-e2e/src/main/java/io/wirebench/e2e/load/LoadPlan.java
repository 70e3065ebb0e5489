package io.wirebench.e2e.load;

import java.time.Duration;

/**
 * A fixed-arrival-rate run: {@code ratePerSecond} requests a second for {@code duration}, by at most
 * {@code maxInFlight} concurrent requests (the "users" or connections; when all are busy, the next
 * request waits for one, and its latency still counts from its intended send time).
 */
public record LoadPlan(double ratePerSecond, Duration duration, int maxInFlight, Duration requestTimeout) {

    public LoadPlan {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0 requests/s, was " + ratePerSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be > 0, was " + duration);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
        }
    }

    /** How many requests the schedule has. */
    public long requests() {
        return (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
    }

    /** Nanoseconds from the start of the run at which request {@code i} is meant to be sent. */
    public long intendedOffsetNanos(long i) {
        return (long) (i * 1e9 / ratePerSecond);
    }
}
