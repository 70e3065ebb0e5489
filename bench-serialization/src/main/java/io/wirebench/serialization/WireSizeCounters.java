package io.wirebench.serialization;

import io.wirebench.bench.TrialFigure;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Puts the wire size into the JMH result as secondary metrics {@code wireBytes} and
 * {@code deflatedBytes} (unit {@code #}), so size and speed land in one JSON. The benchmark's trial
 * setup publishes the size ({@link #SIZE}); each thread reports its share, so that the sum JMH makes is
 * the size itself ({@link TrialFigure}).
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class WireSizeCounters {
    static final TrialFigure<WireSize> SIZE = new TrialFigure<>("wire size");

    private double wireShare;
    private double deflatedShare;

    @Setup(Level.Iteration)
    public void share(BenchmarkParams params) {
        WireSize size = SIZE.current();
        double share = TrialFigure.share(params);
        wireShare = size.rawBytes() * share;
        deflatedShare = size.deflatedBytes() * share;
    }

    /** Counters as methods, not fields: JMH zeroes counter fields at each iteration start, after this state's setup. */
    public double wireBytes() {
        return wireShare;
    }

    public double deflatedBytes() {
        return deflatedShare;
    }
}
