package io.wirebench.bench;

import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A figure a benchmark's trial setup works out (a message's wire size, the stage clock) that per-thread
 * {@code @AuxCounters(EVENTS)} states put into the JMH result as a secondary metric.
 *
 * <p>JMH sums {@code EVENTS} counters over threads, measurement iterations and forks. To report the
 * figure itself, each thread reports its share per iteration, figure × {@link #share}, where the share
 * is 1 / (threads × iterations × forks); the sum JMH reports is then the figure (its score error is NaN:
 * the figure has no spread). The trial setup hands the figure over through {@link #publish}, which is
 * safe because a JVM runs one benchmark at a time and JMH runs trial-level setups before iteration-level
 * ones; the counters' iteration setup takes it with {@link #current}.
 */
public final class TrialFigure<T> {
    private final String what;
    private volatile T current;

    /** {@code what} names the figure in the error when a counter asks before the setup published it. */
    public TrialFigure(String what) {
        this.what = what;
    }

    public void publish(T figure) {
        current = figure;
    }

    public T current() {
        T figure = current;
        if (figure == null) {
            throw new IllegalStateException("no " + what + " was published by the benchmark's trial setup");
        }
        return figure;
    }

    /** Each thread's share of the figure per measurement iteration. */
    public static double share(BenchmarkParams params) {
        return share(params.getThreads(), params.getMeasurement().getCount(), params.getForks());
    }

    /** 1 / (threads × iterations × forks); {@code -f 0} runs one trial in the host JVM, so it counts as 1. */
    public static double share(int threads, int iterations, int forks) {
        return 1.0 / ((double) threads * iterations * Math.max(1, forks));
    }
}
