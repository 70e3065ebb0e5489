package io.wirebench.e2e.load;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured. {@code corrected}: latency from each request's intended send time (what
 * a user of a fixed-rate service waits, stalls included); {@code uncorrected}: from the moment it was
 * actually sent (what a closed-loop tool reports). Both in nanoseconds, successes of the steady phase
 * only; failures are counted by kind apart. {@code maxSendLagMillis}: how far the sender fell behind
 * its own schedule; {@code sendLag}: how late it was to every request due after the run's first second (ns). {@code gcCount}/{@code gcMillis}: collections during the run. {@code steadyCompleted}
 * over {@code steadySeconds}: the steady phase's completions and length (from the end of the ramp-up).
 * {@code waitingForUsersSeconds}: how long the sender waited for a free user (every one busy with a request in flight),
 * which a sender that fell behind tells from being slow itself; NaN where it is not known (a distributed run).
 */
public record LoadResult(LoadPlan plan, long scheduled, long succeeded, Map<FailureKind, Long> failures,
                         Histogram corrected, Histogram uncorrected, List<IntervalSample> intervals,
                         double elapsedSeconds, double maxSendLagMillis, long gcCount, long gcMillis,
                         long steadyCompleted, double steadySeconds, Histogram sendLag, double waitingForUsersSeconds) {

    /** How late the sender got to its requests (ns), every request: its p99 is the generator's own precision. */
    public double sendLagP99Millis() {
        return sendLag == null || sendLag.getTotalCount() == 0 ? 0 : sendLag.getValueAtPercentile(99) / 1e6;
    }

    /**
     * The sender kept its schedule: at most 1% of the requests due after the first second went out more than
     * {@link #SENDER_LAG_LIMIT_MILLIS} late (a single pause, a GC or the first calls' class loading, is not
     * falling behind; a sender that cannot keep the rate is, as its lag then grows with every request).
     */
    public boolean senderKeptUp() {
        return sendLagP99Millis() <= SENDER_LAG_LIMIT_MILLIS;
    }

    /** How late (p99) the sender may be before a run says the generator, not only the service, limited it. */
    public static final double SENDER_LAG_LIMIT_MILLIS = 100;

    /** The share of the run the sender may wait for a free user before a late sender is the service's doing, not its own. */
    public static final double USERS_BUSY_SHARE = 0.1;

    /**
     * A sender that fell behind because every user was busy (the service, at this concurrency, did not keep the rate),
     * not because the sender thread itself was late.
     */
    public boolean usersWereBusy() {
        return !senderKeptUp() && waitingForUsersSeconds >= USERS_BUSY_SHARE * elapsedSeconds;
    }

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Operations completed (succeeded or failed) per second of the steady phase, the ramp-up left out. */
    public double achievedRatePerSecond() {
        return steadySeconds <= 0 ? 0 : steadyCompleted / steadySeconds;
    }

    public double errorRate() {
        long done = succeeded + failed();
        return done == 0 ? 0 : (double) failed() / done;
    }

    /** Corrected p99 in ms (NaN without successes). */
    public double p99Millis() {
        return corrected.getTotalCount() == 0 ? Double.NaN : corrected.getValueAtPercentile(99) / 1e6;
    }
}
