package io.wirebench.e2e.load;

import java.util.function.LongSupplier;

/**
 * How far a worker's clock is from the coordinator's, measured NTP's way over the control plane: the worker
 * notes its time {@code t0}, asks the coordinator for its time {@code T}, notes {@code t3} when the answer
 * comes, and takes {@code T - (t0 + t3) / 2} (the answer is assumed to be made halfway). Of several exchanges
 * the one with the shortest round trip is kept, as it leaves the least room for asymmetry; its round trip
 * bounds the offset's error (± half of it).
 */
record ClockOffset(long offsetNanos, long roundTripNanos) {

    /** {@code coordinatorNow}: one exchange, the coordinator's clock (ns since the epoch); {@code local}: this machine's. */
    static ClockOffset measure(int exchanges, LongSupplier local, LongSupplier coordinatorNow) {
        ClockOffset best = null;
        for (int k = 0; k < exchanges; k++) {
            long t0 = local.getAsLong();
            long remote = coordinatorNow.getAsLong();
            long t3 = local.getAsLong();
            ClockOffset one = new ClockOffset(remote - (t0 + (t3 - t0) / 2), t3 - t0);
            if (best == null || one.roundTripNanos() < best.roundTripNanos()) {
                best = one;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("at least one exchange is needed to measure a clock offset");
        }
        return best;
    }

    /** A time on the coordinator's clock, on this machine's. */
    long toLocal(long coordinatorEpochNanos) {
        return coordinatorEpochNanos - offsetNanos;
    }

    double offsetMillis() {
        return offsetNanos / 1e6;
    }

    double roundTripMillis() {
        return roundTripNanos / 1e6;
    }
}
