package io.wirebench.e2e.load;

import java.time.Duration;

/**
 * A fixed-arrival-rate run: a ramp-up of {@code ramp} during which the arrival rate rises linearly from
 * 0 to {@code ratePerSecond} and the users (requests allowed in flight) are spawned at
 * {@code maxInFlight / ramp} per second, Locust-style, then {@code duration} at the full rate with at
 * most {@code maxInFlight} concurrent requests (when all are busy, the next request waits for one, and
 * its latency still counts from its intended send time). Only the steady phase enters the latency
 * histograms.
 */
public record LoadPlan(double ratePerSecond, Duration duration, int maxInFlight, Duration requestTimeout, Duration ramp) {

    public LoadPlan {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be > 0 requests/s, was " + ratePerSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be > 0, was " + duration);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
        }
        if (ramp.isNegative()) {
            throw new IllegalArgumentException("ramp-up must be >= 0, was " + ramp);
        }
    }

    public LoadPlan(double ratePerSecond, Duration duration, int maxInFlight, Duration requestTimeout) {
        this(ratePerSecond, duration, maxInFlight, requestTimeout, Duration.ZERO);
    }

    private double rampSeconds() {
        return ramp.toNanos() / 1e9;
    }

    /** Requests sent during the ramp-up (rate × ramp / 2). */
    public long rampRequests() {
        return (long) Math.floor(ratePerSecond * rampSeconds() / 2);
    }

    /** How many requests the schedule has, ramp-up included. */
    public long requests() {
        return rampRequests() + (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
    }

    /** Nanoseconds from the start of the run at which request {@code i} is meant to be sent. */
    public long intendedOffsetNanos(long i) {
        double t = rampSeconds();
        long ramped = rampRequests();
        if (i < ramped) {
            // n(s) = rate s² / (2 t) requests by time s: the i-th is due at sqrt(2 t i / rate)
            return (long) (Math.sqrt(2 * t * i / ratePerSecond) * 1e9);
        }
        return (long) ((t + (i - ramped) / ratePerSecond) * 1e9);
    }

    /** Users spawned by {@code elapsedNanos} into the run: all of them once the ramp is over. */
    public int usersAt(long elapsedNanos) {
        if (ramp.isZero() || elapsedNanos >= ramp.toNanos()) {
            return maxInFlight;
        }
        return (int) Math.max(1, Math.min(maxInFlight, Math.ceil(maxInFlight * (double) elapsedNanos / ramp.toNanos())));
    }

    public LoadPlan withRate(double rate) {
        return new LoadPlan(rate, duration, maxInFlight, requestTimeout, ramp);
    }
}
