package io.wirebench.e2e;

import io.wirebench.e2e.stage.Stage;
import io.wirebench.e2e.stage.StageBreakdown;
import io.wirebench.e2e.stage.StageClock;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The order pipeline's per-stage breakdown as secondary metrics: mean µs per order in each stage
 * ({@code decodeUs}, {@code validateUs}, {@code reserveUs}, {@code chargeUs}, {@code encodeUs},
 * {@code backoffUs}, {@code transportUs}) and {@code endToEndUs}, which they add up to
 * ({@link StageBreakdown}). The clock is the benchmark's ({@link #publish}), reset at each iteration.
 *
 * <p>JMH sums {@code EVENTS} counters over threads, measurement iterations and forks; each thread
 * reports the iteration's mean divided by that count, so the sum JMH shows is the mean over iterations
 * (its score error is NaN). Counters are methods, read when a thread ends its iteration.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class StageCounters {
    private static volatile StageClock current;

    private StageClock clock;
    private double parts;

    /** Called by the benchmark's trial setup; safe because a JVM runs one benchmark at a time. */
    static void publish(StageClock clock) {
        current = clock;
    }

    @Setup(Level.Iteration)
    public void bind(BenchmarkParams params) {
        this.clock = current;
        if (clock == null) {
            throw new IllegalStateException("no stage clock was published by the benchmark's trial setup");
        }
        this.parts = (double) params.getThreads() * params.getMeasurement().getCount() * Math.max(1, params.getForks());
    }

    private double share(Stage stage) {
        return clock.snapshot().micros(stage) / parts;
    }

    public double decodeUs() {
        return share(Stage.DECODE);
    }

    public double validateUs() {
        return share(Stage.VALIDATE);
    }

    public double reserveUs() {
        return share(Stage.RESERVE);
    }

    public double chargeUs() {
        return share(Stage.CHARGE);
    }

    public double encodeUs() {
        return share(Stage.ENCODE);
    }

    public double backoffUs() {
        return share(Stage.BACKOFF);
    }

    public double transportUs() {
        return share(Stage.TRANSPORT);
    }

    public double endToEndUs() {
        StageBreakdown breakdown = clock.snapshot();
        return breakdown.endToEndMicros() / parts;
    }
}
