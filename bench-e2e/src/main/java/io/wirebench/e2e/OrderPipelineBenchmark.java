package io.wirebench.e2e;

import io.wirebench.bench.Cursor;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * What a whole order costs: a caller encodes an order and sends it to the gateway, which has it
 * validated (Hibernate Validator), its stock reserved and its total charged, each by another service
 * over the same transport, and answers with the outcome, which the caller decodes and checks. No
 * injected failures here (see {@link OrderGoodputBenchmark}): every order must be accepted, or the
 * run fails, so the latency distribution holds only successful requests.
 *
 * <ul>
 *   <li>{@code latency}: {@code sample} mode, µs per order, percentiles in the JSON; {@code -t 1} for
 *       a lone caller, {@code -t 4} or {@code -t 16} for latency under concurrency.</li>
 *   <li>{@code throughput}: orders per second at {@code -t 1, 4, 16}, with the per-stage breakdown
 *       ({@link StageCounters}) as secondary metrics.</li>
 * </ul>
 *
 * <p>Inside the timed region: one order's whole trip; outside: as in {@link AbstractOrderBenchmark}.
 */
public class OrderPipelineBenchmark extends AbstractOrderBenchmark {

    @Override
    protected boolean reportsBreakdown(String method) {
        return method.endsWith(".throughput");
    }

    @Override
    protected double paymentFailureRate() {
        return 0;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public OrderOutcome latency(Cursor cursor) {
        return accepted(caller.submit(nextOrder(cursor)));
    }

    // latency runs without the stage clock (its timers would sit in the measured path and report nothing)

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public OrderOutcome throughput(Cursor cursor, StageCounters stageCounters) {
        return accepted(caller.submit(nextOrder(cursor)));
    }

    private OrderOutcome accepted(OrderOutcome outcome) {
        if (outcome.status() != OrderStatus.ACCEPTED) {
            throw new IllegalStateException(transport + ": order not accepted without injected failures: " + outcome);
        }
        return outcome;
    }
}
