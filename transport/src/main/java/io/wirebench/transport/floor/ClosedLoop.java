package io.wirebench.transport.floor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A transport's floor without the suite's RPC layer: {@code callers} threads, each with its own
 * {@link BareLoop.Caller}, send one request, wait for its reply, and send the next, as fast as they can.
 * Each round trip's time goes into an HdrHistogram {@link Recorder}; after a warm-up, every round takes
 * the interval histogram (p50, p99) and the number of replies per second. A failed call is counted, kept
 * out of the latency, and makes the measurement fail: a floor with errors is no floor.
 * Every wait is bounded: a call by the loop's own timeout, the callers' end by {@link #STOP_WAIT}.
 */
public final class ClosedLoop {
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Duration warmup;
    private final Duration round;
    private final int rounds;

    public ClosedLoop(Duration warmup, Duration round, int rounds) {
        if (rounds < 1 || round.isNegative() || round.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("a closed loop needs at least one round of positive length and a warm-up of zero or more");
        }
        this.warmup = warmup;
        this.round = round;
        this.rounds = rounds;
    }

    /** Runs {@code callers} threads over {@code loop} and returns one {@link PeerRound} per round. */
    public List<PeerRound> run(BareLoop loop, byte[][] requests, int callers) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong failures = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<BareLoop.Caller> opened = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Thread[] holder = new Thread[1];
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            for (int c = 0; c < callers; c++) {
                opened.add(loop.newCaller());
            }
            for (int c = 0; c < callers; c++) {
                BareLoop.Caller caller = opened.get(c);
                int offset = c;
                Thread t = new Thread(() -> {
                    int i = offset;
                    while (running.get()) {
                        byte[] request = requests[i++ % requests.length];
                        long start = System.nanoTime();
                        try {
                            caller.call(request);
                            recorder.recordValue(System.nanoTime() - start);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e);
                        }
                    }
                }, "peer-caller-" + c);
                t.setDaemon(true);
                threads.add(t);
            }
            threads.forEach(Thread::start);
            Thread.sleep(warmup.toMillis());
            recorder.getIntervalHistogram(); // the warm-up's samples are dropped
            long failuresBefore = failures.get();
            List<PeerRound> result = new ArrayList<>();
            Histogram reuse = null;
            for (int r = 0; r < rounds; r++) {
                long from = System.nanoTime();
                Thread.sleep(round.toMillis());
                reuse = recorder.getIntervalHistogram(reuse);
                double seconds = (System.nanoTime() - from) / 1e9;
                result.add(PeerRound.of(reuse, seconds));
            }
            if (failures.get() > failuresBefore || firstFailure.get() != null) {
                throw new IllegalStateException(loop.tool() + ": " + failures.get() + " failed calls; the first: " + firstFailure.get(),
                        firstFailure.get());
            }
            return result;
        } finally {
            running.set(false);
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            for (Thread t : threads) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            for (BareLoop.Caller caller : opened) {
                caller.close();
            }
        }
    }
}
