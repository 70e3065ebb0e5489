package io.wirebench.serialization;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Puts the wire size into the JMH result as secondary metrics {@code wireBytes} and
 * {@code deflatedBytes} (unit {@code #}), so size and speed land in one JSON.
 *
 * <p>JMH sums {@code EVENTS} counters over threads, measurement iterations and forks. To report the
 * size itself, each thread's share per iteration is size / (threads × iterations × forks), and the
 * sum JMH reports is the size (its score error is NaN: a size has no spread). The benchmark's trial
 * setup hands the size over through {@link #publish}, which is safe because a JVM runs one benchmark
 * at a time, and JMH runs trial-level setups before iteration-level ones.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class WireSizeCounters {
    private static volatile WireSize current;

    private double wireShare;
    private double deflatedShare;

    static void publish(WireSize size) {
        current = size;
    }

    @Setup(Level.Iteration)
    public void share(BenchmarkParams params) {
        WireSize size = current;
        if (size == null) {
            throw new IllegalStateException("no wire size was published by the benchmark's trial setup");
        }
        double parts = (double) params.getThreads() * params.getMeasurement().getCount() * Math.max(1, params.getForks());
        wireShare = size.rawBytes() / parts;
        deflatedShare = size.deflatedBytes() / parts;
    }

    /** Counters as methods, not fields: JMH zeroes counter fields at each iteration start, after this state's setup. */
    public double wireBytes() {
        return wireShare;
    }

    public double deflatedBytes() {
        return deflatedShare;
    }
}
