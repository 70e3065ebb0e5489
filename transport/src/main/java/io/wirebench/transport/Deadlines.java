package io.wirebench.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Timeouts for requests in flight without a timer per request. {@code CompletableFuture.orTimeout} puts
 * every request into a scheduler's queue and takes it out again when the reply comes; with one request in
 * flight that queue goes empty and non-empty per request, and each time the scheduler's thread is woken
 * to re-arm: a context switch per request (seen in the wall-clock profile of a one-caller round trip).
 * Here one shared daemon thread sweeps every {@value #SWEEP_MILLIS} ms and fails what is past its
 * deadline, so a timeout fires between its deadline and one sweep later.
 */
public final class Deadlines {
    static final long SWEEP_MILLIS = 50;
    private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wirebench-deadlines");
        t.setDaemon(true);
        return t;
    });
    private static final Map<Long, Entry> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    static {
        SWEEPER.scheduleWithFixedDelay(Deadlines::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private record Entry(CompletableFuture<?> future, long deadlineNanos, Supplier<? extends Throwable> failure) {
    }

    private Deadlines() {
    }

    /**
     * Fails {@code future} with {@code failure}'s exception if it is not complete within {@code timeout};
     * returns the same future.
     */
    public static <T> CompletableFuture<T> bound(CompletableFuture<T> future, Duration timeout, Supplier<? extends Throwable> failure) {
        if (future.isDone()) {
            return future;
        }
        long id = IDS.incrementAndGet();
        OPEN.put(id, new Entry(future, System.nanoTime() + timeout.toNanos(), failure));
        future.whenComplete((r, f) -> OPEN.remove(id));
        return future;
    }

    static void sweep() {
        long now = System.nanoTime();
        OPEN.forEach((id, entry) -> {
            if (now - entry.deadlineNanos() >= 0) {
                OPEN.remove(id);
                entry.future().completeExceptionally(entry.failure().get());
            }
        });
    }
}
