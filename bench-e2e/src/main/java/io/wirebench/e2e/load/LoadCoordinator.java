package io.wirebench.e2e.load;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The coordinator of a distributed load run (Locust's master, OpenMessaging Benchmark's driver): admits
 * {@code workers} load workers over the control plane, serves their clock exchanges, publishes one plan
 * with a common start instant, follows their reports, and adds their results into one
 * ({@link LoadProtocol}; what they sent is kept and added up by {@link WorkerResults}). A worker that stops reporting for longer than a request may take (plus 4 s) is
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
    private final Map<Integer, Long> lastHeard = new ConcurrentHashMap<>();
    private final WorkerResults heard;
    private final Dispatcher dispatcher;
    private boolean finished;

    public LoadCoordinator(String controlUrl, int workers, Consumer<String> progress) throws Exception {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, was " + workers);
        }
        this.workers = workers;
        this.progress = progress;
        this.heard = new WorkerResults(workers);
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
                    heard.members.put(index, join);
                    nats.publish(m.getReplyTo(), LoadProtocol.write(new LoadProtocol.Welcome(index, workers, null)));
                } else {
                    progress.accept("coordinator: refused " + join.name() + " (" + join.host() + "): the run already has its " + workers + " workers");
                    nats.publish(m.getReplyTo(), LoadProtocol.write(new LoadProtocol.Welcome(-1, workers, "the run already has its " + workers + " workers")));
                }
            } else if (subject.equals(LoadProtocol.READY)) {
                LoadProtocol.Ready r = LoadProtocol.read(m.getData(), LoadProtocol.Ready.class);
                heard.ready.put(r.index(), r);
                lastHeard.put(r.index(), System.nanoTime());
            } else if (subject.startsWith(LoadProtocol.REPORT + ".")) {
                LoadProtocol.Report r = LoadProtocol.read(m.getData(), LoadProtocol.Report.class);
                heard.reports.computeIfAbsent(r.index(), k -> new CopyOnWriteArrayList<>()).add(r);
                lastHeard.put(r.index(), System.nanoTime());
            } else if (subject.equals(LoadProtocol.DONE)) {
                LoadProtocol.Done d = LoadProtocol.read(m.getData(), LoadProtocol.Done.class);
                heard.done.put(d.index(), d);
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
            } catch (TimeoutException | InterruptedException e) {
                progress.accept("coordinator: the end of the run may not have reached every worker: " + e.getMessage());
            }
        }
    }

    /**
     * Admits the workers (within {@code joinTimeout}), runs {@code plan} over them and adds up what they measured. May be
     * called again for another plan with the same workers (a knee search's next step).
     */
    public DistributedLoad run(LoadPlan plan, LoadProtocol.Target target, Duration joinTimeout) throws InterruptedException,
            TimeoutException {
        return run(plan, target, joinTimeout, start -> { });
    }

    /** As {@link #run(LoadPlan, LoadProtocol.Target, Duration)}; {@code atPlan} gets the schedule's start ({@link System#nanoTime()}) once the plan is out. */
    public DistributedLoad run(LoadPlan plan, LoadProtocol.Target target, Duration joinTimeout, LongConsumer atPlan)
            throws InterruptedException, TimeoutException {
        long joinDeadline = System.nanoTime() + joinTimeout.toNanos();
        while (heard.ready.size() < workers) {
            if (System.nanoTime() > joinDeadline) {
                throw new IllegalStateException("only " + heard.ready.size() + " of " + workers + " workers were ready within " + joinTimeout.toSeconds()
                        + " s (joined: " + heard.members.values().stream().map(LoadProtocol.Join::name).toList() + ")");
            }
            Thread.sleep(50);
        }
        heard.reports.clear();
        heard.done.clear();
        lastHeard.clear();
        long startNanos = System.nanoTime() + START_DELAY.toNanos();
        long startEpoch = LoadProtocol.epochNanos() + START_DELAY.toNanos();
        nats.publish(LoadProtocol.PLAN, LoadProtocol.write(new LoadProtocol.Plan(target, plan.ratePerSecond(), plan.duration().toMillis(),
                plan.maxInFlight(), plan.requestTimeout().toMillis(), plan.ramp().toMillis(), workers, startEpoch)));
        nats.flush(Duration.ofSeconds(5));
        atPlan.accept(startNanos);
        progress.accept(String.format(Locale.ROOT, "coordinator: %d workers ready (largest clock offset %.3f ms); the schedule starts in %d s",
                workers, heard.maxOffset(), START_DELAY.toSeconds()));
        long slotWait = plan.requestTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        long lostAfter = slotWait + TimeUnit.SECONDS.toNanos(4);
        long deadline = startNanos + plan.intendedOffsetNanos(plan.requests()) + 2 * slotWait + GRACE.toNanos();
        Map<Integer, String> lost = new ConcurrentHashMap<>();
        long nextStatus = startNanos + TimeUnit.SECONDS.toNanos(1);
        while (heard.done.size() + lost.size() < workers) {
            long now = System.nanoTime();
            if (now > deadline) {
                for (int k = 0; k < workers; k++) {
                    if (!heard.done.containsKey(k) && !lost.containsKey(k)) {
                        lost.put(k, "no result by the run's deadline");
                    }
                }
                break;
            }
            for (int k = 0; k < workers; k++) {
                long last = Math.max(lastHeard.getOrDefault(k, startNanos), startNanos);
                if (!heard.done.containsKey(k) && !lost.containsKey(k) && now - last > lostAfter) {
                    lost.put(k, String.format(Locale.ROOT, "nothing heard for %.1f s", (now - last) / 1e9));
                    progress.accept("coordinator: worker " + k + " (" + heard.members.get(k).name() + ") lost: " + lost.get(k));
                }
            }
            if (now >= nextStatus) {
                progress.accept(heard.status(now - startNanos));
                nextStatus += TimeUnit.SECONDS.toNanos(1);
            }
            Thread.sleep(100);
        }
        return heard.merge(plan, lost);
    }

    @Override
    public void close() throws InterruptedException {
        finish();
        nats.closeDispatcher(dispatcher);
        nats.close();
    }
}
