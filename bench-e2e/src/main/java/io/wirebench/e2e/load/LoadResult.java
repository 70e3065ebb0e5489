package io.wirebench.e2e.load;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured. {@code corrected}: latency from each request's intended send time (what
 * a user of a fixed-rate service waits, stalls included); {@code uncorrected}: from the moment it was
 * actually sent (what a closed-loop tool reports). Both in nanoseconds, successes only; failures are
 * counted by kind apart. {@code maxSendLagMillis}: how far the sender fell behind its own schedule.
 */
public record LoadResult(LoadPlan plan, long scheduled, long succeeded, Map<FailureKind, Long> failures,
                         Histogram corrected, Histogram uncorrected, List<IntervalSample> intervals,
                         double elapsedSeconds, double maxSendLagMillis) {

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    public double achievedRatePerSecond() {
        return (succeeded + failed()) / elapsedSeconds;
    }

    public double errorRate() {
        long done = succeeded + failed();
        return done == 0 ? 0 : (double) failed() / done;
    }
}
