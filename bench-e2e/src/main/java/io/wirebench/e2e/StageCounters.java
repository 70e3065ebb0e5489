package io.wirebench.e2e;

import io.wirebench.bench.TrialFigure;
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
 * ({@link StageBreakdown}). The clock is the benchmark's, published by its trial setup ({@link #CLOCK})
 * and reset at each iteration. Each thread reports its share of the iteration's mean, so that the sum JMH
 * makes is the mean over iterations ({@link TrialFigure}). Counters are methods, read when a thread ends
 * its iteration.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class StageCounters {
    static final TrialFigure<StageClock> CLOCK = new TrialFigure<>("stage clock");

    private StageClock clock;
    private double share;

    @Setup(Level.Iteration)
    public void bind(BenchmarkParams params) {
        this.clock = CLOCK.current();
        this.share = TrialFigure.share(params);
    }

    private double share(Stage stage) {
        return clock.snapshot().micros(stage) * share;
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
        return breakdown.endToEndMicros() * share;
    }
}
