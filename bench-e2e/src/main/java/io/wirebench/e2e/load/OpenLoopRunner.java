package io.wirebench.e2e.load;

import io.wirebench.schemas.codec.CodecException;
import io.wirebench.transport.Deadlines;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives work at a fixed arrival rate that does not depend on the replies (the wrk2 method): operation
 * {@code i} has an intended start time from the schedule, and its latency is measured from that time, so
 * a stall of the service shows in the percentiles instead of silently slowing the sender down
 * (coordinated omission). The latency from the actual start is recorded too, for comparison.
 * Successes of the steady phase go into HdrHistogram {@link Recorder}s (the per-second samples see the
 * ramp-up too); failures are counted by
 * {@link FailureKind} and never enter them. Users are spawned during the ramp-up (see {@link LoadPlan}).
 * Every second: a status line, and a sample with the heap in use and the GCs of that second. Every wait
 * is bounded: a request waits for a free user at most one request timeout (plus 1 s), nothing is sent
 * later than that after the schedule's end (what is left is counted {@link FailureKind#NOT_SENT}), and
 * the requests in flight get one more such wait, so a run lasts at most its schedule plus two of them.
 */
public final class OpenLoopRunner {
    private static final long HIGHEST_TRACKABLE = TimeUnit.MINUTES.toNanos(10);
    private static final long LAG_WARNING_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The send lag's distribution leaves out requests due in the run's first second. */
    static final long SENDER_WARMUP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LoadOperation operation;
    private final Consumer<String> progress;

    /** @param progress receives a one-line status every second (and warnings); may discard them */
    public OpenLoopRunner(LoadOperation operation, Consumer<String> progress) {
        this.operation = operation;
        this.progress = progress;
    }

    /** One request per operation; see {@link LoadOperation#rpc}. */
    public OpenLoopRunner(RpcClient client, String endpoint, LongFunction<byte[]> requestOf,
                          BiPredicate<Long, byte[]> replyCheck, Consumer<String> progress) {
        this(LoadOperation.rpc(client, endpoint, requestOf, replyCheck), progress);
    }

    public LoadResult run(LoadPlan plan) throws InterruptedException {
        return run(plan, ScheduleShare.WHOLE, System.nanoTime(), interval -> { });
    }

    /**
     * A second of a run as it ends: its sample, the latencies of that second's successes (ns; ramp-up included),
     * and the run so far: requests sent, succeeded, and failed by kind.
     */
    public record Second(IntervalSample sample, Histogram latencies, long sent, long succeeded, Map<FailureKind, Long> failures) {
    }

    /**
     * Sends {@code share}'s requests of {@code plan}'s schedule, which starts at {@code startNanos} (a
     * {@link System#nanoTime()} value, now or later), with at most {@code plan.maxInFlight()} of them in flight;
     * {@code seconds} receives each second as it ends, on the sender's thread: it must copy what it keeps (the histogram is
     * reused) and do any real work elsewhere.
     */
    public LoadResult run(LoadPlan plan, ScheduleShare share, long startNanos, Consumer<Second> seconds) throws InterruptedException {
        Recorder corrected = new Recorder(HIGHEST_TRACKABLE, 3);
        Recorder uncorrected = new Recorder(HIGHEST_TRACKABLE, 3);
        Recorder perSecond = new Recorder(HIGHEST_TRACKABLE, 3);
        Map<FailureKind, LongAdder> failures = new EnumMap<>(FailureKind.class);
        for (FailureKind kind : FailureKind.values()) {
            failures.put(kind, new LongAdder());
        }
        LongAdder succeeded = new LongAdder();
        LongAdder steadyCompleted = new LongAdder();
        int users = plan.usersAt(0);
        Semaphore slots = new Semaphore(users);
        long total = plan.requests();
        long mine = share.count(total);
        long rampRequests = plan.rampRequests();
        long sent = 0; // by the sender thread alone
        AtomicLong maxLag = new AtomicLong();
        Histogram sendLag = new Histogram(3); // recorded by the sender thread alone
        List<IntervalSample> intervals = new ArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] gcAtStart = gc();
        long[] gcBefore = gcAtStart;
        long start = startNanos;
        for (long now; (now = System.nanoTime()) < start; ) {
            LockSupport.parkNanos(Math.min(start - now, 10_000_000));
        }
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        long lastSucceeded = 0;
        long lastFailed = 0;
        Histogram interval = null;
        long slotWaitNanos = plan.requestTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        long waitingForUsers = 0;
        // no request is sent after this: the schedule's end plus one slot wait, so a run whose requests stall
        // ends on time instead of working through its backlog one slot wait at a time
        long sendDeadline = start + plan.intendedOffsetNanos(total) + slotWaitNanos;

        for (long i = share.index(); i < total; i += share.of()) {
            long intended = start + plan.intendedOffsetNanos(i);
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(Math.min(intended - now, 200_000));
            }
            int spawned = plan.usersAt(now - start);
            if (spawned > users) {
                slots.release(spawned - users);
                users = spawned;
            }
            if (now >= nextReport) {
                interval = perSecond.getIntervalHistogram(interval);
                long s = succeeded.sum();
                long f = failed(failures);
                long[] gcNow = gc();
                intervals.add(sample(now - start, s - lastSucceeded, f - lastFailed, interval, memory, gcBefore, gcNow));
                seconds.accept(new Second(intervals.get(intervals.size() - 1), interval, sent, s, counts(failures)));
                gcBefore = gcNow;
                progress.accept(status(now - start, intervals.get(intervals.size() - 1), f, maxLag.get(), i < rampRequests));
                lastSucceeded = s;
                lastFailed = f;
                nextReport += TimeUnit.SECONDS.toNanos(1);
            }
            long wait = Math.min(slotWaitNanos, sendDeadline - now);
            boolean free = wait > 0 && slots.tryAcquire();
            if (!free && wait > 0) {
                long askedAt = System.nanoTime();
                free = slots.tryAcquire(wait, TimeUnit.NANOSECONDS);
                waitingForUsers += System.nanoTime() - askedAt; // every user busy: the next requests go out late, by the service's doing
            }
            if (!free) {
                // every slot held longer than a request may take: the operations are not completing
                failures.get(FailureKind.NOT_SENT).increment();
                if (System.nanoTime() >= sendDeadline) {
                    long rest = mine - share.count(i) - 1; // this share's requests after i
                    failures.get(FailureKind.NOT_SENT).add(rest);
                    progress.accept("WARNING: the schedule ended with " + (rest + 1) + " requests never sent: every user was"
                            + " busy with requests that did not complete");
                    break;
                }
                continue;
            }
            // the generator's own lag: how late it got to this request, before waiting for a free slot
            long lag = now - intended;
            if (lag > maxLag.get()) {
                maxLag.set(lag);
            }
            if (intended - start >= SENDER_WARMUP_NANOS) {
                // the sender's own first second (its first calls load classes and compile) is not its schedule
                sendLag.recordValue(Math.min(Math.max(0, lag), HIGHEST_TRACKABLE));
            }
            boolean steady = i >= rampRequests;
            sent++;
            long sentAt = System.nanoTime();
            final long index = i;
            CompletableFuture<?> done;
            try {
                // bounded here whatever the operation does: a hung one times out and frees its slot
                // (one shared sweeper, not a timer per request on the sender's path: Deadlines)
                done = Deadlines.bound(operation.start(index), Duration.ofNanos(slotWaitNanos),
                        TimeoutException::new);
            } catch (RuntimeException e) {
                done = CompletableFuture.failedFuture(e);
            }
            done.whenComplete((result, failure) -> {
                long finished = System.nanoTime();
                if (steady) {
                    steadyCompleted.increment();
                }
                try {
                    if (failure != null) {
                        failures.get(kindOf(failure)).increment();
                    } else {
                        perSecond.recordValue(Math.min(finished - intended, HIGHEST_TRACKABLE));
                        if (steady) {
                            corrected.recordValue(Math.min(finished - intended, HIGHEST_TRACKABLE));
                            uncorrected.recordValue(Math.min(finished - sentAt, HIGHEST_TRACKABLE));
                        }
                        succeeded.increment();
                    }
                } finally {
                    slots.release();
                }
            });
        }
        // let the operations in flight finish, bounded by their timeout
        if (slots.tryAcquire(users, slotWaitNanos, TimeUnit.NANOSECONDS)) {
            slots.release(users);
        } else {
            int stuck = users - slots.availablePermits();
            progress.accept("WARNING: " + stuck + " requests still in flight at the end; counted as timeouts");
            failures.get(FailureKind.TIMEOUT).add(stuck);
        }
        long end = System.nanoTime();
        interval = perSecond.getIntervalHistogram(interval);
        long[] gcEnd = gc();
        intervals.add(sample(end - start, succeeded.sum() - lastSucceeded, failed(failures) - lastFailed, interval, memory, gcBefore, gcEnd));
        seconds.accept(new Second(intervals.get(intervals.size() - 1), interval, sent, succeeded.sum(), counts(failures)));
        Map<FailureKind, Long> counted = counts(failures);
        if (maxLag.get() > LAG_WARNING_NANOS) {
            progress.accept(String.format("WARNING: the sender fell %.0f ms behind its schedule, %.1f s of it waiting for a free user",
                    maxLag.get() / 1e6, waitingForUsers / 1e9));
        }
        return new LoadResult(plan, mine, succeeded.sum(), counted, corrected.getIntervalHistogram(), uncorrected.getIntervalHistogram(),
                List.copyOf(intervals), (end - start) / 1e9, maxLag.get() / 1e6, gcEnd[0] - gcAtStart[0], gcEnd[1] - gcAtStart[1],
                steadyCompleted.sum(), (end - start - plan.ramp().toNanos()) / 1e9, sendLag, waitingForUsers / 1e9);
    }

    static FailureKind kindOf(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof LoadFailure load) {
            return load.kind();
        }
        if (cause instanceof RpcException rpc) {
            return switch (rpc.kind()) {
                case TIMEOUT -> FailureKind.TIMEOUT;
                case REMOTE -> FailureKind.REJECTED;
                case TRANSPORT -> FailureKind.TRANSPORT;
            };
        }
        if (cause instanceof TimeoutException) {
            return FailureKind.TIMEOUT;
        }
        if (cause instanceof CodecException) {
            return FailureKind.WRONG_REPLY;
        }
        return FailureKind.TRANSPORT;
    }

    /** Collections so far and their accumulated time in ms, over every collector. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static Map<FailureKind, Long> counts(Map<FailureKind, LongAdder> failures) {
        Map<FailureKind, Long> counted = new EnumMap<>(FailureKind.class);
        failures.forEach((kind, adder) -> counted.put(kind, adder.sum()));
        return counted;
    }

    private static long failed(Map<FailureKind, LongAdder> failures) {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static IntervalSample sample(long elapsedNanos, long succeeded, long failed, Histogram interval, MemoryMXBean memory,
                                         long[] gcBefore, long[] gcNow) {
        boolean empty = interval.getTotalCount() == 0;
        return new IntervalSample(elapsedNanos / 1e9, succeeded, failed,
                empty ? Double.NaN : interval.getValueAtPercentile(50) / 1e3,
                empty ? Double.NaN : interval.getValueAtPercentile(99) / 1e3,
                memory.getHeapMemoryUsage().getUsed(), gcNow[0] - gcBefore[0], gcNow[1] - gcBefore[1]);
    }

    private static String status(long elapsedNanos, IntervalSample last, long failed, long maxLagNanos, boolean ramping) {
        return String.format("%6.1fs %s %7d ok/s  p50 %8.0f us  p99 %8.0f us  errors %d  heap %d MB  gc %d (%d ms)  lag %.0f ms",
                elapsedNanos / 1e9, ramping ? "ramp  " : "steady", last.succeeded(), last.p50Micros(), last.p99Micros(), failed,
                last.heapUsedBytes() >> 20, last.gcCount(), last.gcMillis(), maxLagNanos / 1e6);
    }
}
