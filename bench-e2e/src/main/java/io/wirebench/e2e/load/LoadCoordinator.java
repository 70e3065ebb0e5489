package io.wirebench.e2e.load;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The coordinator of a distributed load run (Locust's master, OpenMessaging Benchmark's driver): admits
 * {@code workers} load workers over the control plane, serves their clock exchanges, publishes one plan
 * with a common start instant, follows their reports, and adds their results into one
 * ({@link LoadProtocol}). A worker that stops reporting for longer than a request may take (plus 4 s) is
 * lost: named, the part of its share it did not account for counted as {@link FailureKind#WORKER_LOST},
 * and the run failed. Every wait is bounded: the joining, and the run (its schedule, the requests' last
 * timeouts, and a grace for the final results).
 */
public final class LoadCoordinator implements AutoCloseable {
    /** From publishing the plan to the schedule's start: time for every worker to receive it and get ready. */
    static final Duration START_DELAY = Duration.ofSeconds(2);
    static final Duration GRACE = Duration.ofSeconds(10);

    private final Connection nats;
    private final int workers;
    private final Consumer<String> progress;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Map<Integer, LoadProtocol.Join> members = new ConcurrentHashMap<>();
    private final Map<Integer, LoadProtocol.Ready> ready = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lastHeard = new ConcurrentHashMap<>();
    private final Map<Integer, List<LoadProtocol.Report>> reports = new ConcurrentHashMap<>();
    private final Map<Integer, LoadProtocol.Done> done = new ConcurrentHashMap<>();
    private final Dispatcher dispatcher;
    private boolean finished;

    public LoadCoordinator(String controlUrl, int workers, Consumer<String> progress) throws Exception {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, was " + workers);
        }
        this.workers = workers;
        this.progress = progress;
        this.nats = Nats.connect(new Options.Builder().server(controlUrl).connectionTimeout(Duration.ofSeconds(5))
                .connectionName("wirebench-load-coordinator").build());
        this.dispatcher = nats.createDispatcher(this::handle);
        for (String subject : List.of(LoadProtocol.JOIN, LoadProtocol.CLOCK, LoadProtocol.READY, LoadProtocol.REPORT + ".*", LoadProtocol.DONE)) {
            dispatcher.subscribe(subject);
        }
        nats.flush(Duration.ofSeconds(5));
    }

    private void handle(Message m) {
        String subject = m.getSubject();
        try {
            if (subject.equals(LoadProtocol.CLOCK)) {
                nats.publish(m.getReplyTo(), LoadProtocol.write(new LoadProtocol.ClockReading(LoadProtocol.epochNanos())));
            } else if (subject.equals(LoadProtocol.JOIN)) {
                LoadProtocol.Join join = LoadProtocol.read(m.getData(), LoadProtocol.Join.class);
                int index = admitted.getAndIncrement();
                if (index < workers) {
                    members.put(index, join);
                    nats.publish(m.getReplyTo(), LoadProtocol.write(new LoadProtocol.Welcome(index, workers, null)));
                } else {
                    progress.accept("coordinator: refused " + join.name() + " (" + join.host() + "): the run already has its " + workers + " workers");
                    nats.publish(m.getReplyTo(), LoadProtocol.write(new LoadProtocol.Welcome(-1, workers, "the run already has its " + workers + " workers")));
                }
            } else if (subject.equals(LoadProtocol.READY)) {
                LoadProtocol.Ready r = LoadProtocol.read(m.getData(), LoadProtocol.Ready.class);
                ready.put(r.index(), r);
                lastHeard.put(r.index(), System.nanoTime());
            } else if (subject.startsWith(LoadProtocol.REPORT + ".")) {
                LoadProtocol.Report r = LoadProtocol.read(m.getData(), LoadProtocol.Report.class);
                reports.computeIfAbsent(r.index(), k -> new CopyOnWriteArrayList<>()).add(r);
                lastHeard.put(r.index(), System.nanoTime());
            } else if (subject.equals(LoadProtocol.DONE)) {
                LoadProtocol.Done d = LoadProtocol.read(m.getData(), LoadProtocol.Done.class);
                done.put(d.index(), d);
                lastHeard.put(d.index(), System.nanoTime());
            }
        } catch (RuntimeException e) {
            progress.accept("coordinator: a message on " + subject + " was not understood: " + e.getMessage());
        }
    }

    /** Tells the workers the run is over (they stop waiting for another plan); once. */
    public void finish() {
        if (!finished) {
            finished = true;
            nats.publish(LoadProtocol.PLAN, LoadProtocol.write(new LoadProtocol.Plan(LoadProtocol.Target.end(), 1, 1, 1, 1, 0, workers, 0)));
            try {
                nats.flush(Duration.ofSeconds(5));
            } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
                progress.accept("coordinator: the end of the run may not have reached every worker: " + e.getMessage());
            }
        }
    }

    /**
     * Admits the workers (within {@code joinTimeout}), runs {@code plan} over them and adds up what they measured. May be
     * called again for another plan with the same workers (a knee search's next step).
     */
    public DistributedLoad run(LoadPlan plan, LoadProtocol.Target target, Duration joinTimeout) throws InterruptedException,
            java.util.concurrent.TimeoutException {
        return run(plan, target, joinTimeout, start -> { });
    }

    /** As {@link #run(LoadPlan, LoadProtocol.Target, Duration)}; {@code atPlan} gets the schedule's start ({@link System#nanoTime()}) once the plan is out. */
    public DistributedLoad run(LoadPlan plan, LoadProtocol.Target target, Duration joinTimeout, java.util.function.LongConsumer atPlan)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        long joinDeadline = System.nanoTime() + joinTimeout.toNanos();
        while (ready.size() < workers) {
            if (System.nanoTime() > joinDeadline) {
                throw new IllegalStateException("only " + ready.size() + " of " + workers + " workers were ready within " + joinTimeout.toSeconds()
                        + " s (joined: " + members.values().stream().map(LoadProtocol.Join::name).toList() + ")");
            }
            Thread.sleep(50);
        }
        reports.clear();
        done.clear();
        lastHeard.clear();
        long startNanos = System.nanoTime() + START_DELAY.toNanos();
        long startEpoch = LoadProtocol.epochNanos() + START_DELAY.toNanos();
        nats.publish(LoadProtocol.PLAN, LoadProtocol.write(new LoadProtocol.Plan(target, plan.ratePerSecond(), plan.duration().toMillis(),
                plan.maxInFlight(), plan.requestTimeout().toMillis(), plan.ramp().toMillis(), workers, startEpoch)));
        nats.flush(Duration.ofSeconds(5));
        atPlan.accept(startNanos);
        progress.accept(String.format(Locale.ROOT, "coordinator: %d workers ready (largest clock offset %.3f ms); the schedule starts in %d s",
                workers, maxOffset(), START_DELAY.toSeconds()));
        long slotWait = plan.requestTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        long lostAfter = slotWait + TimeUnit.SECONDS.toNanos(4);
        long deadline = startNanos + plan.intendedOffsetNanos(plan.requests()) + 2 * slotWait + GRACE.toNanos();
        Map<Integer, String> lost = new ConcurrentHashMap<>();
        long nextStatus = startNanos + TimeUnit.SECONDS.toNanos(1);
        while (done.size() + lost.size() < workers) {
            long now = System.nanoTime();
            if (now > deadline) {
                for (int k = 0; k < workers; k++) {
                    if (!done.containsKey(k) && !lost.containsKey(k)) {
                        lost.put(k, "no result by the run's deadline");
                    }
                }
                break;
            }
            for (int k = 0; k < workers; k++) {
                long heard = Math.max(lastHeard.getOrDefault(k, startNanos), startNanos);
                if (!done.containsKey(k) && !lost.containsKey(k) && now - heard > lostAfter) {
                    lost.put(k, String.format(Locale.ROOT, "nothing heard for %.1f s", (now - heard) / 1e9));
                    progress.accept("coordinator: worker " + k + " (" + members.get(k).name() + ") lost: " + lost.get(k));
                }
            }
            if (now >= nextStatus) {
                progress.accept(status(now - startNanos));
                nextStatus += TimeUnit.SECONDS.toNanos(1);
            }
            Thread.sleep(100);
        }
        return merge(plan, lost);
    }

    private String status(long elapsedNanos) {
        long ok = 0;
        int reporting = 0;
        for (List<LoadProtocol.Report> r : reports.values()) {
            if (!r.isEmpty()) {
                ok += r.get(r.size() - 1).secondSucceeded();
                reporting++;
            }
        }
        return String.format(Locale.ROOT, "%6.1fs %d of %d workers reporting, %d ok/s together (each's latest second), %d finished",
                elapsedNanos / 1e9, reporting, workers, ok, done.size());
    }

    private double maxOffset() {
        return ready.values().stream().mapToDouble(r -> Math.abs(r.clockOffsetMillis())).max().orElse(0);
    }

    DistributedLoad merge(LoadPlan plan, Map<Integer, String> lost) {
        long total = plan.requests();
        Histogram corrected = new Histogram(3);
        Histogram uncorrected = new Histogram(3);
        Histogram sendLag = new Histogram(3);
        Map<FailureKind, Long> failures = new EnumMap<>(FailureKind.class);
        for (FailureKind kind : FailureKind.values()) {
            failures.put(kind, 0L);
        }
        long succeeded = 0;
        long steadyCompleted = 0;
        long gcCount = 0;
        long gcMillis = 0;
        double elapsed = 0;
        double steadySeconds = 0;
        double maxLag = 0;
        List<WorkerRow> rows = new ArrayList<>();
        for (int k = 0; k < workers; k++) {
            LoadProtocol.Join who = members.get(k);
            LoadProtocol.Ready clock = ready.get(k);
            long share = new ScheduleShare(k, workers).count(total);
            LoadProtocol.Done d = done.get(k);
            if (d != null && !lost.containsKey(k)) {
                Histogram c = HistogramText.decode(d.corrected(), "worker " + k + " corrected");
                Histogram lag = HistogramText.decode(d.sendLag(), "worker " + k + " send lag");
                corrected.add(c);
                uncorrected.add(HistogramText.decode(d.uncorrected(), "worker " + k + " uncorrected"));
                sendLag.add(lag);
                succeeded += d.succeeded();
                long failed = addFailures(d.failures(), failures);
                steadyCompleted += d.steadyCompleted();
                gcCount += d.gcCount();
                gcMillis += d.gcMillis();
                elapsed = Math.max(elapsed, d.elapsedSeconds());
                steadySeconds = Math.max(steadySeconds, d.steadySeconds());
                maxLag = Math.max(maxLag, d.maxSendLagMillis());
                long notSent = d.failures().getOrDefault(FailureKind.NOT_SENT.name(), 0L);
                rows.add(new WorkerRow(k, who.name(), who.host(), who.pid(), d.scheduled(), d.scheduled() - notSent, d.succeeded(), failed,
                        c.getTotalCount(), d.maxSendLagMillis(), lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99) / 1e6,
                        clock.clockOffsetMillis(), clock.clockRoundTripMillis(), null));
            } else {
                // what its last report accounted for counts; the rest of its share is lost with it
                List<LoadProtocol.Report> seen = reports.getOrDefault(k, List.of());
                LoadProtocol.Report last = seen.isEmpty() ? null : seen.get(seen.size() - 1);
                long ok = last == null ? 0 : last.succeeded();
                long failed = last == null ? 0 : addFailures(last.failures(), failures);
                long unaccounted = Math.max(0, share - ok - failed);
                failures.merge(FailureKind.WORKER_LOST, unaccounted, Long::sum);
                succeeded += ok;
                rows.add(new WorkerRow(k, who.name(), who.host(), who.pid(), share, last == null ? 0 : last.sent(), ok, failed + unaccounted, 0,
                        Double.NaN, Double.NaN, clock.clockOffsetMillis(), clock.clockRoundTripMillis(), lost.getOrDefault(k, "no result")));
            }
        }
        // the shares together are the whole schedule
        LoadResult merged = new LoadResult(plan, total, succeeded, failures, corrected, uncorrected, intervals(), elapsed, maxLag, gcCount,
                gcMillis, steadyCompleted, steadySeconds, sendLag);
        long sent = 0;
        java.util.Set<String> unanswered = new java.util.HashSet<>();
        for (Map.Entry<Integer, LoadProtocol.Done> d : done.entrySet()) {
            if (!lost.containsKey(d.getKey()) && d.getValue().books() != null) {
                sent += d.getValue().books().sent();
                unanswered.addAll(d.getValue().books().unanswered());
            }
        }
        return new DistributedLoad(merged, List.copyOf(rows), maxOffset(), sent, java.util.Set.copyOf(unanswered));
    }

    /** Adds a worker's failures by kind (as its messages name them) into {@code into}; returns how many there were. */
    private static long addFailures(Map<String, Long> from, Map<FailureKind, Long> into) {
        long sum = 0;
        for (Map.Entry<String, Long> f : from.entrySet()) {
            into.merge(FailureKind.valueOf(f.getKey()), f.getValue(), Long::sum);
            sum += f.getValue();
        }
        return sum;
    }

    /** The run's seconds, each the sum of the workers' same second (their latencies added, then the percentiles taken). */
    private List<IntervalSample> intervals() {
        int seconds = reports.values().stream().mapToInt(List::size).max().orElse(0);
        List<IntervalSample> out = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            Histogram latencies = new Histogram(3);
            long ok = 0;
            long failed = 0;
            long heap = 0;
            long gcs = 0;
            long gcMs = 0;
            double at = 0;
            for (Map.Entry<Integer, List<LoadProtocol.Report>> worker : reports.entrySet()) {
                if (s < worker.getValue().size()) {
                    LoadProtocol.Report r = worker.getValue().get(s);
                    latencies.add(HistogramText.decode(r.latencies(), "worker " + worker.getKey() + " second " + s));
                    ok += r.secondSucceeded();
                    failed += r.secondFailed();
                    heap += r.heapUsedBytes();
                    gcs += r.gcCount();
                    gcMs += r.gcMillis();
                    at = Math.max(at, r.elapsedSeconds());
                }
            }
            boolean empty = latencies.getTotalCount() == 0;
            out.add(new IntervalSample(at, ok, failed, empty ? Double.NaN : latencies.getValueAtPercentile(50) / 1e3,
                    empty ? Double.NaN : latencies.getValueAtPercentile(99) / 1e3, heap, gcs, gcMs));
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        finish();
        nats.closeDispatcher(dispatcher);
        nats.close();
    }
}
