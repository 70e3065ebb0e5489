package io.wirebench.e2e.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * What the workers of a distributed run said, kept by the coordinator as it hears it (who joined, their clocks, each
 * second's report, their final results), and added up into one run ({@link #merge}). Apart from the control plane, so
 * the adding up is tested without NATS.
 */
final class WorkerResults {
    final Map<Integer, LoadProtocol.Join> members = new ConcurrentHashMap<>();
    final Map<Integer, LoadProtocol.Ready> ready = new ConcurrentHashMap<>();
    final Map<Integer, List<LoadProtocol.Report>> reports = new ConcurrentHashMap<>();
    final Map<Integer, LoadProtocol.Done> done = new ConcurrentHashMap<>();
    private final int workers;

    WorkerResults(int workers) {
        this.workers = workers;
    }

    /** A progress line: how many workers report, their latest seconds' successes together, how many finished. */
    String status(long elapsedNanos) {
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

    /** The largest clock offset a worker measured against this process, in ms. */
    double maxOffset() {
        return ready.values().stream().mapToDouble(r -> Math.abs(r.clockOffsetMillis())).max().orElse(0);
    }

    /**
     * The run as one: every worker's histograms added (never their percentiles averaged), failures by kind, a row per
     * worker, and the books' counts. A worker in {@code lost} (or without a result) counts what its last report
     * accounted for; the rest of its share is {@link FailureKind#WORKER_LOST}.
     */
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
                gcMillis, steadyCompleted, steadySeconds, sendLag, Double.NaN);
        long sent = 0;
        Set<String> unanswered = new HashSet<>();
        for (Map.Entry<Integer, LoadProtocol.Done> d : done.entrySet()) {
            if (!lost.containsKey(d.getKey()) && d.getValue().books() != null) {
                sent += d.getValue().books().sent();
                unanswered.addAll(d.getValue().books().unanswered());
            }
        }
        return new DistributedLoad(merged, List.copyOf(rows), maxOffset(), sent, Set.copyOf(unanswered));
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
}
