package io.wirebench.transport.floor;

import org.HdrHistogram.Histogram;

/** One measured round of a floor: its median and 99th percentile round trip (µs) and its replies per second. */
public record PeerRound(double p50Us, double p99Us, double requestsPerSecond) {

    static PeerRound of(Histogram nanos, double seconds) {
        if (nanos.getTotalCount() == 0) {
            throw new IllegalStateException("no reply in a round of " + seconds + " s");
        }
        return new PeerRound(nanos.getValueAtPercentile(50) / 1e3, nanos.getValueAtPercentile(99) / 1e3, nanos.getTotalCount() / seconds);
    }
}
