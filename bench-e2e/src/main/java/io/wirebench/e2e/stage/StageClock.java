package io.wirebench.e2e.stage;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Accumulates nanoseconds per {@link Stage}, and the end-to-end nanoseconds and count of the requests
 * they belong to, from any number of threads. A {@link #snapshot()} turns them into a breakdown.
 * {@link #OFF} records nothing, for services run without a breakdown.
 */
public class StageClock {
    public static final StageClock OFF = new StageClock() {
        @Override
        public void add(Stage stage, long nanos) {
        }

        @Override
        public void endToEnd(long nanos) {
        }
    };

    private final LongAdder[] stageNanos = new LongAdder[Stage.values().length];
    private final LongAdder endToEndNanos = new LongAdder();
    private final LongAdder requests = new LongAdder();

    public StageClock() {
        for (int i = 0; i < stageNanos.length; i++) {
            stageNanos[i] = new LongAdder();
        }
    }

    public void add(Stage stage, long nanos) {
        if (stage == Stage.TRANSPORT) {
            throw new IllegalArgumentException("transport time is the remainder of the end-to-end time, never timed directly");
        }
        stageNanos[stage.ordinal()].add(nanos);
    }

    public <T> T time(Stage stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(stage, System.nanoTime() - start);
        }
    }

    /** One whole request, timed by its caller from before it encodes to after it decodes the reply. */
    public void endToEnd(long nanos) {
        endToEndNanos.add(nanos);
        requests.increment();
    }

    public void reset() {
        for (LongAdder adder : stageNanos) {
            adder.reset();
        }
        endToEndNanos.reset();
        requests.reset();
    }

    public StageBreakdown snapshot() {
        long[] nanos = new long[Stage.TIMED.length];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = stageNanos[Stage.TIMED[i].ordinal()].sum();
        }
        return StageBreakdown.of(nanos, endToEndNanos.sum(), requests.sum());
    }
}
