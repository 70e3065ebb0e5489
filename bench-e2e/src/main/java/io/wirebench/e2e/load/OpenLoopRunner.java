package io.wirebench.e2e.load;

import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives requests at a fixed arrival rate that does not depend on the replies (the wrk2 method): request
 * {@code i} has an intended send time from the schedule, and its latency is measured from that time, so
 * a stall of the service shows in the percentiles instead of silently slowing the sender down
 * (coordinated omission). The latency from the actual send time is recorded too, for comparison.
 * Successes go into HdrHistogram {@link Recorder}s; failures are counted by {@link FailureKind} and never
 * enter them. Every wait is bounded: the run ends at most one request timeout after its schedule.
 */
public final class OpenLoopRunner {
    private static final long HIGHEST_TRACKABLE = TimeUnit.MINUTES.toNanos(10);
    private static final long LAG_WARNING_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final RpcClient client;
    private final String endpoint;
    private final LongFunction<byte[]> requestOf;
    private final BiPredicate<Long, byte[]> replyCheck;
    private final Consumer<String> progress;

    /**
     * @param requestOf  the bytes of request {@code i} (prepared ahead: generating is not the service's cost)
     * @param replyCheck whether a reply is the one request {@code i} must get
     * @param progress   receives a one-line status every second (and warnings); may discard them
     */
    public OpenLoopRunner(RpcClient client, String endpoint, LongFunction<byte[]> requestOf,
                          BiPredicate<Long, byte[]> replyCheck, Consumer<String> progress) {
        this.client = client;
        this.endpoint = endpoint;
        this.requestOf = requestOf;
        this.replyCheck = replyCheck;
        this.progress = progress;
    }

    public LoadResult run(LoadPlan plan) throws InterruptedException {
        Recorder corrected = new Recorder(HIGHEST_TRACKABLE, 3);
        Recorder uncorrected = new Recorder(HIGHEST_TRACKABLE, 3);
        Map<FailureKind, LongAdder> failures = new EnumMap<>(FailureKind.class);
        for (FailureKind kind : FailureKind.values()) {
            failures.put(kind, new LongAdder());
        }
        LongAdder succeeded = new LongAdder();
        Semaphore slots = new Semaphore(plan.maxInFlight());
        long total = plan.requests();
        AtomicLong maxLag = new AtomicLong();
        Histogram allCorrected = new Histogram(HIGHEST_TRACKABLE, 3);
        List<IntervalSample> intervals = new ArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long start = System.nanoTime();
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        long lastSucceeded = 0;
        long lastFailed = 0;
        Histogram interval = null;
        long slotWaitNanos = plan.requestTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);

        for (long i = 0; i < total; i++) {
            long intended = start + plan.intendedOffsetNanos(i);
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(Math.min(intended - now, 200_000));
            }
            if (now >= nextReport) {
                interval = corrected.getIntervalHistogram(interval);
                allCorrected.add(interval);
                long s = succeeded.sum();
                long f = failed(failures);
                intervals.add(sample(now - start, s - lastSucceeded, f - lastFailed, interval, memory));
                progress.accept(status(now - start, intervals.get(intervals.size() - 1), s, f, maxLag.get()));
                lastSucceeded = s;
                lastFailed = f;
                nextReport += TimeUnit.SECONDS.toNanos(1);
            }
            if (!slots.tryAcquire(slotWaitNanos, TimeUnit.NANOSECONDS)) {
                now = System.nanoTime();
                // every slot held longer than a request may take: the client is not completing its futures
                failures.get(FailureKind.TIMEOUT).increment();
                continue;
            }
            // the generator's own lag: how late it got to this request, before waiting for a free slot
            long lag = now - intended;
            if (lag > maxLag.get()) {
                maxLag.set(lag);
            }
            long sent = System.nanoTime();
            final long index = i;
            CompletableFuture<byte[]> reply;
            try {
                reply = client.requestAsync(endpoint, requestOf.apply(index));
            } catch (RuntimeException e) {
                reply = CompletableFuture.failedFuture(e);
            }
            reply.whenComplete((bytes, failure) -> {
                long done = System.nanoTime();
                try {
                    if (failure != null) {
                        failures.get(kindOf(failure)).increment();
                    } else if (!replyCheck.test(index, bytes)) {
                        failures.get(FailureKind.WRONG_REPLY).increment();
                    } else {
                        corrected.recordValue(Math.min(done - intended, HIGHEST_TRACKABLE));
                        uncorrected.recordValue(Math.min(done - sent, HIGHEST_TRACKABLE));
                        succeeded.increment();
                    }
                } finally {
                    slots.release();
                }
            });
        }
        // let the requests in flight finish, bounded by their timeout
        if (slots.tryAcquire(plan.maxInFlight(), slotWaitNanos, TimeUnit.NANOSECONDS)) {
            slots.release(plan.maxInFlight());
        } else {
            progress.accept("WARNING: " + (plan.maxInFlight() - slots.availablePermits())
                    + " requests still in flight at the end; counted as timeouts");
            failures.get(FailureKind.TIMEOUT).add(plan.maxInFlight() - slots.availablePermits());
        }
        long end = System.nanoTime();
        interval = corrected.getIntervalHistogram(interval);
        allCorrected.add(interval);
        intervals.add(sample(end - start, succeeded.sum() - lastSucceeded, failed(failures) - lastFailed, interval, memory));
        Map<FailureKind, Long> counted = new EnumMap<>(FailureKind.class);
        failures.forEach((kind, adder) -> counted.put(kind, adder.sum()));
        if (maxLag.get() > LAG_WARNING_NANOS) {
            progress.accept(String.format("WARNING: the sender fell %.0f ms behind its schedule: the generator, not"
                    + " only the service, limited this run", maxLag.get() / 1e6));
        }
        return new LoadResult(plan, total, succeeded.sum(), counted, allCorrected, uncorrected.getIntervalHistogram(),
                List.copyOf(intervals), (end - start) / 1e9, maxLag.get() / 1e6);
    }

    static FailureKind kindOf(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RpcException rpc) {
            return switch (rpc.kind()) {
                case TIMEOUT -> FailureKind.TIMEOUT;
                case REMOTE -> FailureKind.REJECTED;
                case TRANSPORT -> FailureKind.TRANSPORT;
            };
        }
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return FailureKind.TIMEOUT;
        }
        return FailureKind.TRANSPORT;
    }

    private static long failed(Map<FailureKind, LongAdder> failures) {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static IntervalSample sample(long elapsedNanos, long succeeded, long failed, Histogram interval, MemoryMXBean memory) {
        boolean empty = interval.getTotalCount() == 0;
        return new IntervalSample(elapsedNanos / 1e9, succeeded, failed,
                empty ? Double.NaN : interval.getValueAtPercentile(50) / 1e3,
                empty ? Double.NaN : interval.getValueAtPercentile(99) / 1e3,
                memory.getHeapMemoryUsage().getUsed());
    }

    private static String status(long elapsedNanos, IntervalSample last, long succeeded, long failed, long maxLagNanos) {
        return String.format("%6.1fs  %7d ok/s  p50 %8.0f us  p99 %8.0f us  errors %d  heap %d MB  lag %.0f ms",
                elapsedNanos / 1e9, last.succeeded(), last.p50Micros(), last.p99Micros(), failed,
                last.heapUsedBytes() >> 20, maxLagNanos / 1e6);
    }
}
