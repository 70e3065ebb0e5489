package io.wirebench.e2e;

import io.wirebench.bench.Cursor;
import io.wirebench.schemas.service.OrderOutcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * "RPS maintained during failures" as a measured ratio: the order pipeline with the payment service
 * declining a share of charge attempts ({@code paymentFailureRate}, 0 and the seed's 5%) and the gateway
 * retrying (3 attempts, 1 ms then 2 ms backoff). The primary score counts every answered order; the
 * secondary metrics ({@link OrderOutcomeCounters}) split it: {@code goodput} (accepted orders/s),
 * {@code paymentFailed} (orders/s whose every attempt was declined), {@code retries} (extra charge
 * attempts/s), and the per-stage breakdown ({@link StageCounters}), where the backoff waits show up.
 * Goodput at 5% over goodput at 0 is the ratio the seed's claim is about.
 *
 * <p>Inside the timed region: one order's whole trip, retries and backoff included; outside: as in
 * {@link AbstractOrderBenchmark}.
 */
public class OrderGoodputBenchmark extends AbstractOrderBenchmark {

    @Param({"0", "0.05"})
    public String paymentFailureRate;

    @Override
    protected boolean reportsBreakdown(String method) {
        return true;
    }

    @Override
    protected double paymentFailureRate() {
        double rate = Double.parseDouble(paymentFailureRate);
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("paymentFailureRate must be within [0, 1], was " + paymentFailureRate);
        }
        return rate;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public OrderOutcome throughput(Cursor cursor, OrderOutcomeCounters outcomes, StageCounters stageCounters) {
        return outcomes.count(caller.submit(nextOrder(cursor)));
    }
}
