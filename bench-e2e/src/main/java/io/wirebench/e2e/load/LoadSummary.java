package io.wirebench.e2e.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** A load run's console summary: its operations by outcome, the rate it achieved, the sender's lag, and its latencies. */
final class LoadSummary {

    private LoadSummary() {
    }

    static String of(LoadResult r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%n%-22s %d scheduled, %d succeeded, %d failed %s%n", "operations", r.scheduled(), r.succeeded(),
                r.failed(), r.failures()));
        s.append(String.format(Locale.ROOT, "%-22s %.1f/s in the steady phase; run %.1f s; sender lagged its schedule by up to %.0f ms"
                + " (p99 %.2f ms); %d GCs, %d ms%n", "achieved", r.achievedRatePerSecond(), r.elapsedSeconds(), r.maxSendLagMillis(), r.sendLagP99Millis(),
                r.gcCount(), r.gcMillis()));
        s.append(String.format(Locale.ROOT, "%-22s %10s %10s %10s %10s%n", "latency (us), steady", "p50", "p99", "p99.9", "max"));
        s.append(row("corrected", r.corrected()));
        s.append(row("uncorrected", r.uncorrected()));
        return s.toString();
    }

    private static String row(String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            return String.format(Locale.ROOT, "%-22s %10s%n", name, "no successes");
        }
        return String.format(Locale.ROOT, "%-22s %10.0f %10.0f %10.0f %10.0f%n", name, h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }
}
